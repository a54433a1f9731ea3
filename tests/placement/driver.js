/* Run corpus cases with the JavaScript engine: the rules of driver.py. */
(cases) => {
  const P = Tisseuse.placement;
  return cases.map((c) => {
    const spec = c.responses;
    let n = 0;
    const respond = (item) => {
      n += 1;
      if (spec.items && item.id in spec.items) return Boolean(spec.items[item.id]);
      if (spec.alternate) return n % 2 === 1;
      if ("theta" in spec) {
        const theta = (spec.competences || {})[item.competence] ?? spec.theta;
        return P.probability(theta, item) >= 0.5;
      }
      return Boolean(spec.default);
    };
    const items = Object.fromEntries(c.bank.items.map((i) => [i.id, i]));
    const seed = P.fnv1a(c.seed);
    const answers = [];
    let next;
    while ((next = P.nextItem(c.bank, answers, seed)) !== null) answers.push([next, respond(items[next])]);
    const verdicts = P.decisions(c.bank, answers);
    return {
      asked: answers.map((a) => a[0]),
      rights: answers.map((a) => a[1]),
      results: P.results(c.bank, answers),
      route: P.route(c.bank.modules, c.bank.basics, verdicts, c.bank.basics_competence),
    };
  });
}
