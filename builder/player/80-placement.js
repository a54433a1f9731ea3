/*
 * The placement engine, in the browser. A port of builder/placement/engine.py,
 * rng.py and routing.py: same grid, same arithmetic in the same order, same
 * random draws, same tie-breaking, so that Python and JavaScript ask the same
 * items and route learners the same way (tested from one JSON corpus and a
 * randomised differential test). Read the Python files for the rationale.
 */
(function (T) {
  "use strict";

  var WARMUP_P = 0.7;
  var EPSILON = 1e-9;

  /* ---------- rng.py ---------- */

  function Mulberry32(seed) { this.state = seed >>> 0; }
  Mulberry32.prototype.next = function () {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    var t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Mulberry32.prototype.below = function (count) { return Math.floor(this.next() * count); };

  function fnv1a(text) {
    var bytes = unescape(encodeURIComponent(text)); // UTF-8, one char per byte
    var value = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) value = Math.imul(value ^ bytes.charCodeAt(i), 0x01000193) >>> 0;
    return value >>> 0;
  }

  /* ---------- engine.py ---------- */

  function grid(bank) {
    var spec = bank.grid;
    var count = Math.round((spec.max - spec.min) / spec.step) + 1;
    var out = [];
    for (var i = 0; i < count; i++) out.push(spec.min + spec.step * i);
    return out;
  }

  function probability(theta, item) {
    return item.c + (1 - item.c) / (1 + Math.exp(-item.a * (theta - item.b)));
  }

  function information(theta, item) {
    var p = probability(theta, item);
    var q = 1 - p;
    if (item.c === 0) return item.a * item.a * p * q;
    var ratio = (p - item.c) / (1 - item.c);
    return item.a * item.a * (q / p) * ratio * ratio;
  }

  function normalise(weights) {
    var total = 0;
    for (var i = 0; i < weights.length; i++) total += weights[i];
    return weights.map(function (w) { return w / total; });
  }

  function prior(bank) {
    return normalise(grid(bank).map(function (t) {
      var z = (t - bank.prior.mean) / bank.prior.sd;
      return Math.exp(-0.5 * z * z);
    }));
  }

  function posterior(bank, items, rights) {
    var post = prior(bank);
    var thetas = grid(bank);
    items.forEach(function (item, n) {
      post = normalise(thetas.map(function (t, k) {
        var p = probability(t, item);
        return post[k] * (rights[n] ? p : 1 - p);
      }));
    });
    return post;
  }

  function eap(bank, post) {
    var total = 0;
    grid(bank).forEach(function (t, k) { total += t * post[k]; });
    return total;
  }

  function spread(bank, post) {
    var mean = eap(bank, post);
    var total = 0;
    grid(bank).forEach(function (t, k) { total += (t - mean) * (t - mean) * post[k]; });
    return Math.sqrt(total);
  }

  function pMastery(bank, post, cut) {
    var total = 0;
    grid(bank).forEach(function (t, k) { if (t >= cut - EPSILON) total += post[k]; });
    return total;
  }

  function itemsById(bank) {
    var out = {};
    bank.items.forEach(function (item) { out[item.id] = item; });
    return out;
  }

  function askedIn(bank, competenceId, answers) {
    var items = itemsById(bank);
    return answers.filter(function (a) { return items[a[0]].competence === competenceId; })
      .map(function (a) { return [items[a[0]], a[1]]; });
  }

  function candidates(bank, competence, answers) {
    var items = itemsById(bank);
    var asked = {};
    var families = {};
    answers.forEach(function (a) { asked[a[0]] = true; families[items[a[0]].family] = true; });
    return bank.items.filter(function (item) {
      return item.competence === competence.id && item.status === "active" && !asked[item.id] && !families[item.family];
    });
  }

  function decision(competence, pm, count) {
    if (count === 0) return "untested";
    if (pm >= competence.skip) return "skip";
    if (pm <= competence.remediation) return "remediation";
    return "standard";
  }

  function competenceStatus(bank, competence, answers) {
    var asked = askedIn(bank, competence.id, answers);
    var post = posterior(bank, asked.map(function (a) { return a[0]; }), asked.map(function (a) { return a[1]; }));
    var pm = pMastery(bank, post, competence.cut);
    var count = asked.length;
    var decided = pm >= competence.skip || pm <= competence.remediation;
    var left = candidates(bank, competence, answers);
    return {
      competence: competence.id,
      items: count,
      eap: eap(bank, post),
      sd: spread(bank, post),
      p_mastery: pm,
      done: count >= competence.max_items || left.length === 0 || (count >= competence.min_items && decided),
      decision: decision(competence, pm, count),
    };
  }

  function nextCompetence(bank, answers) {
    var order = bank.competences;
    var open = order.filter(function (c) { return !competenceStatus(bank, c, answers).done; });
    if (!open.length) return null;
    if (!answers.length) return open[0];
    var last = itemsById(bank)[answers[answers.length - 1][0]].competence;
    var start = order.map(function (c) { return c.id; }).indexOf(last) + 1;
    for (var step = 0; step < order.length; step++) {
      var candidate = order[(start + step) % order.length];
      if (open.indexOf(candidate) >= 0) return candidate;
    }
    return open[0];
  }

  function nextItem(bank, answers, seed) {
    if (answers.length >= bank.max_items) return null;
    var competence = nextCompetence(bank, answers);
    if (!competence) return null;
    var pool = candidates(bank, competence, answers);
    var asked = askedIn(bank, competence.id, answers);
    if (!asked.length) {
      var threshold = bank.warmup == null ? WARMUP_P : bank.warmup;
      var easy = pool.filter(function (i) { return probability(bank.prior.mean, i) >= threshold; });
      if (easy.length) pool = easy;
    }
    var post = posterior(bank, asked.map(function (a) { return a[0]; }), asked.map(function (a) { return a[1]; }));
    var theta = eap(bank, post);
    var ranked = pool.map(function (item) { return { item: item, score: Math.floor(information(theta, item) * 1e12) }; });
    ranked.sort(function (x, y) {
      if (x.score !== y.score) return y.score - x.score;
      return x.item.id < y.item.id ? -1 : x.item.id > y.item.id ? 1 : 0;
    });
    var top = ranked.slice(0, Math.max(1, bank.randomesque));
    var rng = new Mulberry32(seed);
    for (var i = 0; i < answers.length; i++) rng.next();
    return top[rng.below(top.length)].item.id;
  }

  function results(bank, answers) {
    return bank.competences.map(function (c) { return competenceStatus(bank, c, answers); });
  }

  function decisions(bank, answers) {
    var out = {};
    results(bank, answers).forEach(function (r) { out[r.competence] = r.decision; });
    return out;
  }

  /* ---------- routing.py ---------- */

  function route(pathModules, basics, verdicts, basicsCompetence) {
    var steps = [];
    var placed = {};
    function add(id, status, reason) {
      if (placed[id]) return;
      placed[id] = true;
      steps.push({ module: id, status: status, reason: reason });
    }
    if (verdicts[basicsCompetence] === "remediation") {
      (basics[basicsCompetence] || []).forEach(function (id) { add(id, "recommended", "basics-first"); });
    }
    pathModules.forEach(function (module) {
      var verdict = verdicts[module.competence] || "untested";
      if (module.level === "advanced") add(module.id, "recommended", verdict === "skip" ? "next-step" : "job");
      else if (verdict === "skip") add(module.id, "optional", "mastered");
      else if (verdict === "remediation") {
        (basics[module.competence] || []).forEach(function (id) { add(id, "recommended", "remediation"); });
        add(module.id, "recommended", module.level === "basic" ? "remediation" : "after-basics");
      } else add(module.id, "recommended", verdict === "standard" ? "consolidate" : "job");
    });
    return steps;
  }

  T.placement = {
    Mulberry32: Mulberry32,
    fnv1a: fnv1a,
    probability: probability,
    information: information,
    nextItem: nextItem,
    results: results,
    decisions: decisions,
    route: route,
  };
})(Tisseuse);
