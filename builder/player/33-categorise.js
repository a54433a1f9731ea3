/* Categorise: every item offers one button per category (tap-to-sort, no drag). */
(function (T) {
  "use strict";
  var h = T.h;

  T.widgets.categorise = function (activity, uid) {
    var labels = {};
    activity.categories.forEach(function (c) { labels[c.id] = c.label; });
    var groups = {};
    var list = h("div", { class: "ts-sort-items" });
    activity.items.forEach(function (item, index) {
      var name = uid + "-" + index;
      var row = h("div", { class: "ts-sort-choices" });
      var inputs = activity.categories.map(function (category) {
        var made = T.choiceRow("radio", name, category.id, category.label, name);
        row.appendChild(made.row);
        return made.input;
      });
      var fieldset = h(
        "fieldset",
        { class: "ts-sort-item" },
        h("legend", { class: "ts-sort-text", text: item.text }),
        row
      );
      groups[item.id] = { fieldset: fieldset, inputs: inputs };
      list.appendChild(fieldset);
    });
    var el = h(
      "div",
      { class: "ts-categorise", role: "group", "aria-labelledby": uid + "-prompt" },
      h("p", { class: "ts-prompt", id: uid + "-prompt", text: activity.prompt }),
      list
    );

    function value(itemId) {
      var checked = groups[itemId].inputs.filter(function (i) { return i.checked; })[0];
      return checked ? checked.value : undefined;
    }

    return {
      el: el,
      missing: T.t("sort_all_items"),
      answer: function () {
        var answer = {};
        for (var i = 0; i < activity.items.length; i++) {
          var id = activity.items[i].id;
          if (value(id) === undefined) return null;
          answer[id] = value(id);
        }
        return answer;
      },
      restore: function (answer) {
        activity.items.forEach(function (item) {
          groups[item.id].inputs.forEach(function (input) { input.checked = answer[item.id] === input.value; });
        });
      },
      showResult: function (evaluation) {
        T.setLocked(el, true);
        activity.items.forEach(function (item) {
          var mark = evaluation.marks[item.id];
          var label = mark.good ? T.t("well_sorted") : T.t("belongs_to", { category: labels[mark.expected] });
          groups[item.id].fieldset.classList.add(mark.good ? "ts-good" : "ts-bad");
          groups[item.id].fieldset.appendChild(T.mark(mark.good, label, mark.text));
        });
      },
      reset: function () {
        T.clearMarks(el);
        T.setLocked(el, false);
        activity.items.forEach(function (item) {
          groups[item.id].inputs.forEach(function (input) { input.checked = false; });
        });
      },
    };
  };
})(Tisseuse);
