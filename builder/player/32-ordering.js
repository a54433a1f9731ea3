/*
 * Ordering: tap the steps in the order you think right. Each tap moves a step
 * from "to place" to "your order"; tapping a placed step puts it back.
 */
(function (T) {
  "use strict";
  var h = T.h;

  T.widgets.ordering = function (activity, uid) {
    var texts = {};
    activity.steps.forEach(function (s) { texts[s.id] = s.text; });
    var placed = [];
    var locked = false;
    var poolHead;
    var chosenList = h("ol", { class: "ts-order-chosen", "aria-labelledby": uid + "-chosen" });
    var pool = h("ul", { class: "ts-order-pool", "aria-labelledby": uid + "-pool" });
    var el = h(
      "div",
      { class: "ts-ordering", role: "group", "aria-labelledby": uid + "-prompt" },
      h("p", { class: "ts-prompt", id: uid + "-prompt", text: activity.prompt }),
      h("h3", { class: "ts-subhead", id: uid + "-chosen", lang: T.uiLang(), text: T.t("your_order") }),
      chosenList,
      poolHead = h("h3", { class: "ts-subhead", id: uid + "-pool", lang: T.uiLang(), text: T.t("to_place") }),
      pool
    );

    // The accessible name starts with the visible text (WCAG 2.5.3) and ends
    // with what the button does, for screen reader users.
    function button(id, inOrder) {
      var position = placed.indexOf(id) + 1;
      var hint = inOrder ? T.t("remove_step") : T.t("add_step", { n: placed.length + 1 });
      return h(
        "button",
        {
          type: "button",
          class: "ts-toggle ts-tap ts-step",
          "data-step": id,
          onclick: function () { if (!locked) toggle(id, inOrder); },
        },
        inOrder ? h("span", { class: "ts-step-number", text: String(position) }) : null,
        h("span", { class: "ts-step-text", text: texts[id] }),
        h("span", { class: "ts-visually-hidden", lang: T.uiLang(), text: " (" + hint + ")" })
      );
    }

    function render(focusId, focusPool) {
      chosenList.textContent = "";
      pool.textContent = "";
      placed.forEach(function (id) { chosenList.appendChild(h("li", {}, button(id, true))); });
      activity.steps.forEach(function (s) {
        if (placed.indexOf(s.id) < 0) pool.appendChild(h("li", {}, button(s.id, false)));
      });
      if (!chosenList.children.length) chosenList.appendChild(h("li", { class: "ts-empty", lang: T.uiLang(), text: T.t("nothing_placed") }));
      if (!pool.children.length) pool.appendChild(h("li", { class: "ts-empty", lang: T.uiLang(), text: T.t("all_placed") }));
      pool.hidden = poolHead.hidden = locked;
      restoreFocus(focusId, focusPool);
    }

    function restoreFocus(focusId, focusPool) {
      if (focusId === undefined) return;
      var target = focusPool ? pool.querySelector("button") : null;
      if (!target && focusId) target = el.querySelector('[data-step="' + focusId + '"]');
      if (!target) target = pool.querySelector("button") || chosenList.querySelector("button");
      if (target) target.focus();
    }

    function toggle(id, inOrder) {
      if (inOrder) placed.splice(placed.indexOf(id), 1);
      else placed.push(id);
      render(inOrder ? id : null, !inOrder);
    }

    render();
    return {
      el: el,
      missing: T.t("place_all_steps"),
      answer: function () { return placed.length === activity.steps.length ? placed.slice() : null; },
      restore: function (answer) { placed = answer.slice(); render(); },
      showResult: function (evaluation) {
        locked = true;
        render();
        T.setLocked(el, true);
        Array.prototype.forEach.call(chosenList.querySelectorAll("li"), function (li, position) {
          var id = placed[position];
          var mark = evaluation.marks[id];
          li.classList.add(mark.good ? "ts-good" : "ts-bad");
          li.appendChild(
            T.mark(mark.good, mark.good ? T.t("right_place") : T.t("should_be_at", { n: mark.expected + 1 }), "")
          );
        });
      },
      reset: function () { locked = false; placed = []; render(); },
    };
  };
})(Tisseuse);
