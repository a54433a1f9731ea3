/*
 * The placement quiz ("Où en suis-je ?") and the personalised path it leads to.
 *
 *   new T.Quiz(root, data, store, options).start()
 *
 * data: the placement data of one path (engine, content, key, version) plus
 * `path` {id, title, modules: [{id, title, level, duration_minutes, href}]}.
 * store: {load() -> state | null, save(state)} where state is
 * {version, seed, answers: [[itemId, right, choice]], done}.
 * options.onDone(outcome) is called with {decisions, results, route, answers}.
 *
 * No feedback while answering: it is a diagnostic, not an exam. At the end
 * the learner sees, per competence, what the answers showed, the path with
 * the reason for each module, and every answer with its feedback.
 */
(function (T) {
  "use strict";
  var h = T.h;

  function Quiz(root, data, store, options) {
    this.root = root;
    this.data = data;
    this.bank = data.engine;
    this.store = store;
    this.options = options || {};
    this.state = null;
    this.speech = new T.Speech(this.options.speechLang || "fr-FR");
  }

  Quiz.prototype.start = function () {
    if (T.langs.content) this.root.setAttribute("lang", T.langs.content);
    var saved = this.store.load();
    if (saved && saved.version === this.data.version) this.state = saved;
    if (this.state && this.state.done) this.showResults(false);
    else if (this.state && this.state.answers.length) this.ask(false);
    else this.showIntro();
  };

  Quiz.prototype.fresh = function () {
    var seed = window.crypto && window.crypto.getRandomValues
      ? window.crypto.getRandomValues(new Uint32Array(1))[0]
      : Math.floor(Math.random() * 4294967296);
    this.state = { version: this.data.version, seed: seed, answers: [], done: false };
    this.store.save(this.state);
  };

  Quiz.prototype.answers = function () {
    return this.state.answers.map(function (a) { return [a[0], a[1]]; });
  };

  /** A new screen; its title is interface text (the quiz's questions are content). */
  Quiz.prototype.screen = function (title, moveFocus) {
    this.speech.stop();
    var self = this;
    var ui = T.uiLang();
    var heading = h("h2", { class: "ts-screen-title", id: "ts-screen-title", tabindex: "-1", lang: ui, text: title });
    var listen = h("button", { type: "button", class: "ts-button ts-listen", "data-nospeak": true, lang: ui,
      onclick: function () { self.toggleSpeech(section, listen); } });
    this.setListen(listen);
    var section = h("section", { class: "ts-screen", "aria-labelledby": "ts-screen-title" }, heading);
    this.root.textContent = "";
    this.progressLabel = h("p", { class: "ts-progress-label", lang: ui });
    this.root.appendChild(h("div", { class: "ts-topbar" }, h("div", { class: "ts-progress-wrap" }, this.progressLabel), listen));
    this.root.appendChild(section);
    if (moveFocus !== false) heading.focus();
    return section;
  };

  Quiz.prototype.setListen = function (button) {
    var speaking = this.speech.speaking;
    button.disabled = !this.speech.available();
    button.title = this.speech.available() ? "" : T.t("listen_unavailable");
    button.setAttribute("aria-pressed", String(speaking));
    button.textContent = "";
    T.append(button, [T.icon(speaking ? "stop" : "speaker"), speaking ? T.t("stop_listening") : T.t("listen")]);
  };

  Quiz.prototype.toggleSpeech = function (section, button) {
    var self = this;
    this.speech.onchange = function () { self.setListen(button); };
    if (this.speech.speaking) this.speech.stop();
    else this.speech.speak(T.Speech.partsOf(section, T.langs.content));
  };

  Quiz.prototype.showIntro = function () {
    var self = this;
    var section = this.screen(T.t("placement_title"));
    var minutes = Math.max(1, Math.round(this.bank.max_items * 40 / 60 / 2));
    var ui = T.uiLang();
    T.append(section, [
      h("p", { lang: ui, text: T.t("placement_intro") }),
      h("p", { lang: ui, text: T.t("placement_length", { max: this.bank.max_items, minutes: minutes }) }),
      h("div", { class: "ts-actions", lang: ui },
        h("button", { type: "button", class: "ts-button ts-primary", text: T.t("placement_start"),
          onclick: function () { self.fresh(); self.ask(); } }),
        this.options.skipHref
          ? h("a", { class: "ts-button", href: this.options.skipHref, text: T.t("placement_skip") })
          : null),
    ]);
  };

  Quiz.prototype.ask = function (moveFocus) {
    var self = this;
    var next = T.placement.nextItem(this.bank, this.answers(), this.state.seed);
    if (next === null) return this.finish();
    var item = this.data.content[next];
    var number = this.state.answers.length + 1;
    var section = this.screen(T.t("question_number", { n: number }), moveFocus);
    var widget = T.widgets[item.type](item, "ts-q-" + next, {});
    var status = h("div", { class: "ts-feedback", role: "status", lang: T.uiLang() });
    this.progressLabel.textContent = T.t("question_of_at_most", { n: number, max: this.bank.max_items });
    T.append(section, [
      item.situation ? h("div", { class: "ts-body", html: item.situation }) : null,
      h("div", { class: "ts-activity" }, widget.el,
        h("div", { class: "ts-actions", "data-nospeak": true, lang: T.uiLang() },
          h("button", { type: "button", class: "ts-button ts-primary ts-check", text: T.t("next"),
            onclick: function () {
              var answer = widget.answer();
              if (answer === null) { status.textContent = widget.missing; return; }
              self.record(next, answer);
              self.ask();
            } })),
        status),
    ]);
  };

  Quiz.prototype.record = function (itemId, answer) {
    var key = this.data.key[itemId];
    var chosen = Array.isArray(answer) ? answer.slice().sort() : [answer];
    var right = chosen.length === key.correct.length &&
      key.correct.slice().sort().every(function (id, i) { return id === chosen[i]; });
    this.state.answers.push([itemId, right, chosen]);
    this.store.save(this.state);
    if (this.options.onAnswer) this.options.onAnswer(itemId, right, chosen, this.state.answers.length - 1);
  };

  Quiz.prototype.outcome = function () {
    var answers = this.answers();
    var decisions = T.placement.decisions(this.bank, answers);
    return {
      decisions: decisions,
      results: T.placement.results(this.bank, answers),
      route: T.placement.route(this.bank.modules, this.bank.basics, decisions, this.bank.basics_competence),
      answers: this.state.answers,
    };
  };

  Quiz.prototype.finish = function () {
    this.state.done = true;
    this.store.save(this.state);
    var outcome = this.outcome();
    if (this.options.onDone) this.options.onDone(outcome);
    this.showResults(true);
  };

  Quiz.prototype.showResults = function (moveFocus) {
    var self = this;
    var outcome = this.outcome();
    var section = this.screen(T.t("placement_done"), moveFocus);
    var titles = {};
    this.bank.competences.forEach(function (c) { titles[c.id] = c.title; });
    section.appendChild(h("ul", { class: "ts-results" }, outcome.results.map(function (r) {
      return T.resultLine(titles[r.competence], r.decision);
    })));
    section.appendChild(h("h3", { lang: T.uiLang(), text: T.t("your_path") }));
    section.appendChild(T.renderRoute(outcome.route, this.data.path.modules, this.options.moduleAction));
    section.appendChild(this.review());
    section.appendChild(h("div", { class: "ts-actions", "data-nospeak": true, lang: T.uiLang() },
      this.options.pathHref ? h("a", { class: "ts-button ts-primary", href: this.options.pathHref, text: T.t("see_my_path") }) : null,
      this.options.pathAction ? h("button", { type: "button", class: "ts-button ts-primary", text: T.t("see_my_path"),
        onclick: this.options.pathAction }) : null,
      h("button", { type: "button", class: "ts-button", text: T.t("placement_again"),
        onclick: function () { self.fresh(); self.showIntro(); } })));
  };

  /** Every answer with its feedback, folded away until the learner opens it. */
  Quiz.prototype.review = function () {
    var data = this.data;
    var list = h("ol", { class: "ts-review" });
    this.state.answers.forEach(function (a) {
      var item = data.content[a[0]];
      var widget = T.widgets[item.type](item, "ts-r-" + a[0], {});
      widget.restore(item.type === "single_choice" ? a[2][0] : a[2]);
      widget.showResult(T.evaluate(item, data.key[a[0]], item.type === "single_choice" ? a[2][0] : a[2]));
      list.appendChild(h("li", {}, item.situation ? h("div", { class: "ts-body", html: item.situation }) : null, widget.el));
    });
    return h("details", { class: "ts-details" }, h("summary", { lang: T.uiLang(), text: T.t("review_answers") }), list);
  };

  /** "Competence: what the answers showed", the title being content, the decision interface text. */
  T.resultLine = function (title, decision) {
    return h("li", {}, h("strong", { text: title + T.colon(T.langs.content) }), " ", T.ui(T.t("decision_" + decision)));
  };

  /**
   * The personalised path: recommended modules in order, then the optional
   * ones, each with its reason. `action(module)` returns the link or button
   * that opens a module (a page in the web preview, a view in a package);
   * `level` is the heading level of the optional modules' subheading.
   */
  T.renderRoute = function (route, modules, action, level) {
    var byId = {};
    modules.forEach(function (m) { byId[m.id] = m; });
    function row(step) {
      var m = byId[step.module];
      if (!m) return null;
      return h("li", { class: "ts-route-step ts-route-" + step.status, "data-module": m.id },
        h("div", { class: "ts-card" },
          action ? action(m) : h("span", { class: "ts-card-title", text: m.title }),
          h("span", { class: "ts-meta", lang: T.uiLang(), text: T.t("level_" + m.level) + " · " + T.t("minutes", { n: m.duration_minutes }) }),
          h("span", { class: "ts-reason", lang: T.uiLang(), text: T.t("reason_" + step.reason.replace(/-/g, "_")) })));
    }
    var recommended = route.filter(function (s) { return s.status === "recommended"; });
    var optional = route.filter(function (s) { return s.status === "optional"; });
    var box = h("div", { class: "ts-route" });
    if (recommended.length) box.appendChild(h("ol", { class: "ts-steps" }, recommended.map(row)));
    else box.appendChild(h("p", { lang: T.uiLang(), text: T.t("nothing_recommended") }));
    if (optional.length) {
      box.appendChild(h("h" + (level || 4), { class: "ts-subhead", lang: T.uiLang(), text: T.t("optional_modules") }));
      box.appendChild(h("ul", { class: "ts-optional" }, optional.map(row)));
    }
    return box;
  };

  T.Quiz = Quiz;
})(Tisseuse);
