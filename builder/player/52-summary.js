/* Progress, score, persistence, the summary screen and page exit. */
(function (T) {
  "use strict";
  var h = T.h;
  var P = T.Player.prototype;

  /**
   * Progress as every adapter sees it:
   *   { mastery, location, index, atEnd, seen, total, completed,
   *     score: {correct, scored, raw, min, max, scaled} | null,
   *     passed: true | false | null }
   * completed: every screen was seen. score: right scored activities over all
   * scored activities, 0-100 (unanswered ones count as not right). passed is
   * null unless the module declares a mastery score and is completed.
   * A module with a mastery score has no score until it is completed: a score
   * stored early would let an LMS decide "passed" before the learner finished
   * (Moodle compares score and mastery score when the session ends).
   */
  P.progressOf = function () {
    var self = this;
    var m = this.module;
    var seen = this.state.seen.filter(Boolean).length;
    var completed = seen === m.screens.length;
    var mastery = typeof m.mastery_score === "number" ? m.mastery_score : null;
    var scored = m.screens.filter(function (s) { return s.activity && s.activity.scored; });
    var correct = scored.filter(function (s) { return self.results[s.id] && self.results[s.id].correct; }).length;
    var score = null;
    if (scored.length && (mastery === null || completed)) {
      var raw = Math.round((correct / scored.length) * 100);
      score = { correct: correct, scored: scored.length, raw: raw, min: 0, max: 100, scaled: raw / 100 };
    }
    return {
      mastery: mastery,
      location: this.state.atEnd ? "summary" : m.screens[this.state.index].id,
      index: this.state.index,
      atEnd: this.state.atEnd,
      seen: seen,
      total: m.screens.length,
      completed: completed,
      score: score,
      passed: mastery !== null && completed && score ? score.raw >= mastery : null,
    };
  };

  P.persist = function () {
    var progress = this.progressOf();
    this.call("save", T.state.encode(this.module, this.state), progress);
    this.call("progress", progress);
    return progress;
  };

  P.showSummary = function (moveFocus) {
    this.speech.stop();
    this.state.atEnd = true;
    var progress = this.persist();
    this.screenBox.textContent = "";
    this.screenBox.appendChild(this.renderSummary(progress));
    this.updateNav();
    if (moveFocus !== false) this.focusHeading();
    this.call("finish", progress);
  };

  P.renderSummary = function (progress) {
    var self = this;
    var m = this.module;
    var ui = T.uiLang();
    var section = h(
      "section",
      { class: "ts-screen ts-summary", "aria-labelledby": "ts-screen-title" },
      h("h2", { class: "ts-screen-title", id: "ts-screen-title", tabindex: "-1", lang: ui, text: T.t("summary_title") }),
      h("p", {
        class: "ts-summary-status",
        lang: ui,
        text: progress.completed ? T.t("all_seen") : T.t("screens_left", { n: progress.total - progress.seen }),
      })
    );
    if (progress.score) section.appendChild(this.renderScore(progress));
    else if (progress.mastery !== null) section.appendChild(h("p", { class: "ts-score", lang: ui, text: T.t("score_after_all_screens") }));
    section.appendChild(this.renderActivityList());
    section.appendChild(h("h3", { lang: ui, text: T.t("objectives_title") }));
    section.appendChild(h("ul", { class: "ts-objectives" }, m.objectives.map(function (o) { return h("li", { text: o.text }); })));
    if (m.sources.length) section.appendChild(this.renderAllSources());
    section.appendChild(
      h("div", { class: "ts-actions", "data-nospeak": true, lang: ui },
        h("button", { type: "button", class: "ts-button", text: T.t("review_from_start"), onclick: function () { self.show(0); } }),
        h("button", { type: "button", class: "ts-button", text: T.t("start_over"), onclick: function () { self.restart(); } }))
    );
    return section;
  };

  P.renderScore = function (progress) {
    var s = progress.score;
    var box = h(
      "div",
      { class: "ts-score", lang: T.uiLang() },
      h("p", { class: "ts-score-value" }, T.t("score_line", { raw: s.raw, correct: s.correct, scored: s.scored }))
    );
    if (progress.passed === true) box.appendChild(h("p", { text: T.t("passed", { mastery: this.module.mastery_score }) }));
    if (progress.passed === false) box.appendChild(h("p", { text: T.t("not_passed_yet", { mastery: this.module.mastery_score }) }));
    return box;
  };

  P.renderActivityList = function () {
    var self = this;
    var rows = this.module.screens.map(function (screen, index) {
      if (!screen.activity) return null;
      var result = self.results[screen.id];
      var status = !result ? T.t("not_done")
        : result.neutral ? T.t("done")
        : result.correct ? T.t("done_right") : T.t("to_review");
      var tone = !result ? "" : result.neutral || result.correct ? "ts-good" : "ts-bad";
      return h(
        "li",
        { class: tone },
        h("span", { class: "ts-activity-name", text: screen.title }),
        " — ",
        T.ui(status),
        " ",
        h("button", {
          type: "button",
          class: "ts-button ts-link",
          lang: T.uiLang(),
          text: T.t("go_to_screen"),
          "aria-label": T.t("action_on", { action: T.t("go_to_screen"), title: screen.title }),
          onclick: function () { self.show(index); },
        })
      );
    });
    return h("div", {}, h("h3", { lang: T.uiLang(), text: T.t("activities_title") }), h("ul", { class: "ts-activity-list" }, rows));
  };

  P.renderAllSources = function () {
    var items = this.module.sources.map(function (s) {
      return h("li", {}, s.url ? h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title }) : s.title);
    });
    return h("div", {}, h("h3", { lang: T.uiLang(), text: T.t("sources") }), h("ul", { class: "ts-source-list" }, items));
  };

  /** Save on the way out: pagehide covers closing and bfcache; visibility covers tab switches. */
  P.listenForExit = function () {
    var self = this;
    window.addEventListener("pagehide", function () { self.speech.stop(); self.call("exit"); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") self.call("suspend");
    });
  };
})(Tisseuse);
