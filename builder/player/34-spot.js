/*
 * Spot the problem: a document (transmission, e-mail...) whose tappable
 * passages are toggle buttons. After checking, every tappable passage is
 * listed with its verdict and feedback.
 */
(function (T) {
  "use strict";
  var h = T.h;

  T.widgets.spot_the_problem = function (activity, uid) {
    var buttons = {};
    var doc = h("div", { class: "ts-doc ts-doc-" + activity.document.kind });
    if (activity.document.title) doc.appendChild(h("p", { class: "ts-doc-title", text: activity.document.title }));
    // One passage per line: each tappable passage is a full-width button, a
    // comfortable touch target, and one sentence per line is easier to read.
    activity.segments.forEach(function (segment) {
      var line = h("div", { class: "ts-doc-line" });
      if (segment.label) line.appendChild(h("span", { class: "ts-doc-label", text: segment.label + T.colon(T.langs.content) }));
      line.appendChild(segment.id ? toggle(segment) : h("span", { class: "ts-doc-text", text: segment.text }));
      doc.appendChild(line);
    });
    var results = h("ul", { class: "ts-spot-results", hidden: true });
    var counter = h("p", { class: "ts-hint", "aria-live": "polite", lang: T.uiLang() });
    var el = h(
      "div",
      { class: "ts-spot", role: "group", "aria-labelledby": uid + "-prompt" },
      h("p", { class: "ts-prompt", id: uid + "-prompt", text: activity.prompt }),
      doc,
      counter,
      results
    );

    function toggle(segment) {
      var button = h("button", {
        type: "button",
        class: "ts-toggle ts-tap ts-seg",
        "data-segment": segment.id,
        "aria-pressed": "false",
        text: segment.text,
        onclick: function () {
          button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true"));
          count();
        },
      });
      buttons[segment.id] = button;
      return button;
    }

    function selected() {
      return activity.segments
        .filter(function (s) { return s.id && buttons[s.id].getAttribute("aria-pressed") === "true"; })
        .map(function (s) { return s.id; });
    }

    function count() { counter.textContent = T.t("passages_chosen", { n: selected().length }); }

    function verdict(mark) {
      if (mark.chosen) return mark.right ? T.t("problem_found") : T.t("not_a_problem");
      return mark.right ? T.t("problem_missed") : T.t("fine_passage");
    }

    count();
    return {
      el: el,
      missing: T.t("tap_a_passage"),
      answer: function () { var s = selected(); return s.length ? s : null; },
      restore: function (answer) {
        Object.keys(buttons).forEach(function (id) {
          buttons[id].setAttribute("aria-pressed", String(answer.indexOf(id) >= 0));
        });
        count();
      },
      showResult: function (evaluation) {
        T.setLocked(el, true);
        results.textContent = "";
        activity.segments.forEach(function (segment) {
          if (!segment.id) return;
          var mark = evaluation.marks[segment.id];
          buttons[segment.id].classList.add(mark.good ? "ts-good" : "ts-bad");
          results.appendChild(
            h("li", { class: mark.good ? "ts-good" : "ts-bad" },
              h("q", { class: "ts-quote", text: segment.text }),
              T.mark(mark.good, verdict(mark), mark.text))
          );
        });
        results.hidden = false;
      },
      reset: function () {
        T.clearMarks(el);
        T.setLocked(el, false);
        results.hidden = true;
        Object.keys(buttons).forEach(function (id) { buttons[id].setAttribute("aria-pressed", "false"); });
        count();
      },
    };
  };
})(Tisseuse);
