/*
 * Activity widgets. Each activity type registers a factory:
 *
 *   T.widgets[type] = function (activity, uid, ctx) -> widget
 *
 * A widget is { el, answer(), restore(answer), showResult(evaluation), reset() }:
 *   answer()      the learner's answer in id form, or null when incomplete
 *                 (the player then says what is missing: widget.missing)
 *   restore(a)    show a saved answer
 *   showResult(e) lock the inputs and annotate every option with its feedback
 *   reset()       unlock and clear, for another try
 * A widget with `selfSubmitting: true` (the scenario) calls ctx.submit(answer)
 * itself and has no "check" button.
 *
 * Everything is a native button, radio or checkbox: operable by touch, mouse
 * and keyboard, never by dragging.
 */
(function (T) {
  "use strict";

  T.widgets = {};

  /**
   * A feedback line: a symbol and a word (never colour alone), then the text.
   * The word is interface text, the text the module's own feedback.
   */
  T.mark = function (good, label, text) {
    return T.h(
      "p",
      { class: "ts-mark " + (good ? "ts-mark-good" : "ts-mark-bad") },
      T.h("span", { class: "ts-mark-label", lang: T.uiLang() }, T.h("span", { "aria-hidden": "true", text: good ? "✓ " : "✗ " }), label),
      text ? " " + text : null
    );
  };

  /** Remove previous marks inside an element. */
  T.clearMarks = function (root) {
    Array.prototype.forEach.call(root.querySelectorAll(".ts-mark"), function (m) { m.remove(); });
    Array.prototype.forEach.call(root.querySelectorAll(".ts-good, .ts-bad"), function (n) {
      n.classList.remove("ts-good", "ts-bad");
    });
  };

  /** Enable or disable every control inside an element. */
  T.setLocked = function (root, locked) {
    Array.prototype.forEach.call(root.querySelectorAll("input, button.ts-toggle"), function (n) {
      n.disabled = locked;
    });
  };

  /** A radio/checkbox styled as a large card; returns {row, input}. */
  T.choiceRow = function (type, name, value, label, uid) {
    var id = uid + "-" + value;
    var input = T.h("input", { type: type, name: name, id: id, value: value, class: "ts-input" });
    var row = T.h(
      "div",
      { class: "ts-option" },
      input,
      T.h("label", { for: id, class: "ts-option-label" }, T.h("span", { class: "ts-option-text", text: label }))
    );
    return { row: row, input: input };
  };
})(Tisseuse);
