/* The activity shell around a widget: check, feedback, retry, reporting. */
(function (T) {
  "use strict";
  var h = T.h;
  var P = T.Player.prototype;

  P.renderActivity = function (screen) {
    var self = this;
    var activity = screen.activity;
    var lang = T.uiLang();
    var ui = {
      status: h("div", { class: "ts-feedback", role: "status" }),
      check: h("button", { type: "button", class: "ts-button ts-primary ts-check", lang: lang, text: T.t("check") }),
      retry: h("button", { type: "button", class: "ts-button ts-retry", lang: lang, text: T.t("retry"), hidden: true }),
    };
    var widget = T.widgets[activity.type](activity, "ts-" + screen.id, {
      evaluate: function (answer) { return self.evaluate(screen.id, answer); },
      submit: function (answer) { self.submit(screen, widget, answer, ui); },
    });
    ui.check.hidden = Boolean(widget.selfSubmitting);
    ui.check.addEventListener("click", function () {
      var answer = widget.answer();
      if (answer === null) self.say(ui, widget.missing);
      else self.submit(screen, widget, answer, ui);
    });
    ui.retry.addEventListener("click", function () { self.retry(screen, widget, ui); });
    var saved = this.state.answers[screen.id];
    if (saved !== undefined && this.results[screen.id]) {
      widget.restore(saved);
      this.showEvaluation(screen, widget, this.results[screen.id], ui);
    }
    return h(
      "div",
      { class: "ts-activity", "data-type": activity.type },
      widget.el,
      h("div", { class: "ts-actions", "data-nospeak": true }, ui.check, ui.retry),
      ui.status
    );
  };

  P.say = function (ui, text) {
    ui.status.textContent = "";
    ui.status.appendChild(h("p", { class: "ts-feedback-text", lang: T.uiLang(), text: text }));
  };

  P.submit = function (screen, widget, answer, ui) {
    var self = this;
    var latency = T.now() - this.shownAt;
    ui.check.disabled = true;
    var done = this.evaluate(screen.id, answer).then(function (evaluation) {
      ui.check.disabled = false;
      self.state.answers[screen.id] = answer;
      if (self.state.interactions.indexOf(screen.id) < 0) self.state.interactions.push(screen.id);
      self.results[screen.id] = evaluation;
      self.showEvaluation(screen, widget, evaluation, ui);
      ui.retry.focus(); // the check button is gone: keep keyboard focus in place
      T.reveal(ui.status);
      // State first, then the answer: the adapter commits both together, so
      // an LMS never holds an interaction without the state that explains it.
      self.persist();
      self.call("answer", self.record(screen, answer, evaluation, latency));
    }, function () {
      ui.check.disabled = false; // the adapter said what went wrong: let them try again
    });
    return this.track(done); // until the result is recorded, forward() waits
  };

  P.showEvaluation = function (screen, widget, evaluation, ui) {
    widget.showResult(evaluation);
    ui.check.hidden = true;
    ui.retry.hidden = false;
    ui.status.textContent = "";
    if (evaluation.neutral) {
      ui.status.className = "ts-feedback ts-feedback-neutral";
      ui.status.appendChild(h("p", { class: "ts-feedback-title", lang: T.uiLang(), text: T.t("thanks_reflection") }));
      return;
    }
    ui.status.className = "ts-feedback " + (evaluation.correct ? "ts-feedback-good" : "ts-feedback-bad");
    T.append(ui.status, [
      h("p", { class: "ts-feedback-title", lang: T.uiLang() },
        h("span", { "aria-hidden": "true", text: evaluation.correct ? "✓ " : "✗ " }),
        evaluation.correct ? T.t("right") : T.t("not_quite")),
      evaluation.message ? h("p", { class: "ts-feedback-text", text: evaluation.message }) : null,
      evaluation.correct ? null : h("p", { class: "ts-feedback-text", lang: T.uiLang(), text: T.t("read_feedback") }),
    ]);
  };

  P.retry = function (screen, widget, ui) {
    widget.reset();
    ui.status.textContent = "";
    ui.status.className = "ts-feedback";
    ui.retry.hidden = true;
    ui.check.hidden = Boolean(widget.selfSubmitting);
    this.shownAt = T.now();
    var first = widget.el.querySelector("input, button");
    if (first) first.focus();
  };

  /** What an adapter receives when an activity is checked. */
  P.record = function (screen, answer, evaluation, latency) {
    return {
      screenId: screen.id,
      interaction: this.state.interactions.indexOf(screen.id), // LMS interaction index
      activity: screen.activity,
      key: this.key[screen.id] || null,
      answer: answer,
      correct: evaluation.neutral ? null : evaluation.correct, // null: no right answer
      latencyMs: Math.max(0, Math.round(latency)),
    };
  };
})(Tisseuse);
