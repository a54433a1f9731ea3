/*
 * Scenario: a short branching story. The learner picks a choice, reads what
 * happens and why, then continues. The answer (the path of choice ids) is
 * submitted when the story reaches an ending.
 */
(function (T) {
  "use strict";
  var h = T.h;

  T.widgets.scenario = function (activity, uid, ctx) {
    var nodes = {};
    activity.nodes.forEach(function (n) { nodes[n.id] = n; });
    var path = [];
    var history = h("ol", { class: "ts-story" });
    var current = h("div", { class: "ts-story-current" });
    var el = h(
      "div",
      { class: "ts-scenario", role: "group", "aria-labelledby": uid + "-prompt" },
      h("p", { class: "ts-prompt", id: uid + "-prompt", text: activity.prompt }),
      history,
      current
    );

    /** The node the learner is at after `path`, or null once it has ended. */
    function position() {
      var steps = T.scenarioSteps(activity, path) || [];
      if (!steps.length) return activity.nodes[0];
      var last = steps[steps.length - 1];
      return last.choice.next ? nodes[last.choice.next] : null;
    }

    function stepItem(node, choice, mark) {
      return h(
        "li",
        { class: "ts-story-step" },
        h("div", { class: "ts-story-text", html: node.html }),
        h("p", { class: "ts-story-choice" }, h("strong", { lang: T.uiLang(), text: T.t("you_chose") }), " ", choice.text),
        mark ? T.mark(mark.good, mark.good ? T.t("good_choice") : T.t("other_choice_better"), mark.text) : null
      );
    }

    function showNode(node) {
      current.textContent = "";
      current.appendChild(h("div", { class: "ts-story-text", html: node.html }));
      if (!node.choices.length) return; // an ending: nothing to choose
      // The group's name is interface text; its choices are the module's own.
      var choices = h("div", { class: "ts-story-choices", role: "group", "aria-label": T.t("what_do_you_do"), lang: T.uiLang() });
      node.choices.forEach(function (choice) {
        choices.appendChild(
          h("button", {
            type: "button",
            class: "ts-toggle ts-tap ts-story-button",
            lang: T.contentLang(),
            "data-choice": choice.id,
            text: choice.text,
            onclick: function () { choose(node, choice); },
          })
        );
      });
      current.appendChild(choices);
    }

    function choose(node, choice) {
      path.push(choice.id);
      T.setLocked(current, true);
      ctx.evaluate(path.slice()).then(function (evaluation) {
        var mark = evaluation.marks[node.id + "/" + choice.id];
        current.textContent = "";
        var item = stepItem(node, choice, mark);
        history.appendChild(item);
        var next = position();
        if (next && next.choices.length) {
          var go = h("button", { type: "button", class: "ts-button ts-story-next", lang: T.uiLang(), text: T.t("see_what_next") });
          go.addEventListener("click", function () { go.remove(); showNode(next); focusCurrent(); });
          current.appendChild(go);
          go.focus();
        } else {
          if (next) showNode(next);
          ctx.submit(path.slice());
        }
      });
    }

    function focusCurrent() {
      var first = current.querySelector("button");
      if (first) first.focus();
    }

    function renderAll(evaluation) {
      history.textContent = "";
      current.textContent = "";
      (T.scenarioSteps(activity, path) || []).forEach(function (step) {
        var mark = evaluation ? evaluation.marks[step.node.id + "/" + step.choice.id] : null;
        history.appendChild(stepItem(step.node, step.choice, mark));
      });
      var at = position();
      if (at) showNode(at);
    }

    showNode(activity.nodes[0]);
    return {
      el: el,
      selfSubmitting: true,
      missing: T.t("finish_story"),
      answer: function () { return position() && position().choices.length ? null : path.slice(); },
      restore: function (answer) { path = answer.slice(); renderAll(null); },
      showResult: function (evaluation) { renderAll(evaluation); T.setLocked(el, true); },
      reset: function () { path = []; history.textContent = ""; showNode(activity.nodes[0]); },
    };
  };
})(Tisseuse);
