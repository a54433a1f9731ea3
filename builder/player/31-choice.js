/* Single and multiple choice: radios or checkboxes, feedback under every option. */
(function (T) {
  "use strict";
  var h = T.h;

  function choiceWidget(activity, uid, multiple) {
    var rows = {};
    var list = h("div", { class: "ts-options" });
    activity.options.forEach(function (option) {
      var made = T.choiceRow(multiple ? "checkbox" : "radio", uid, option.id, option.text, uid);
      rows[option.id] = made;
      list.appendChild(made.row);
    });
    var el = h(
      "fieldset",
      { class: "ts-choices" },
      h("legend", { class: "ts-prompt", text: activity.prompt }),
      multiple ? h("p", { class: "ts-hint", lang: T.uiLang(), text: T.t("several_answers") }) : null,
      list
    );

    function chosen() {
      return activity.options
        .filter(function (o) { return rows[o.id].input.checked; })
        .map(function (o) { return o.id; });
    }

    return {
      el: el,
      missing: T.t("choose_first"),
      answer: function () {
        var ids = chosen();
        if (!ids.length) return null;
        return multiple ? ids : ids[0];
      },
      restore: function (answer) {
        var ids = multiple ? answer : [answer];
        activity.options.forEach(function (o) { rows[o.id].input.checked = ids.indexOf(o.id) >= 0; });
      },
      showResult: function (evaluation) {
        T.setLocked(el, true);
        if (evaluation.neutral) {
          // a reflection: only the learner's own choices get their comment
          activity.options.forEach(function (o) {
            var mark = evaluation.marks[o.id];
            if (mark.chosen) rows[o.id].row.appendChild(T.mark(true, T.t("your_choice"), mark.text));
          });
          return;
        }
        activity.options.forEach(function (o) {
          var mark = evaluation.marks[o.id];
          var label;
          if (mark.chosen) label = mark.right ? T.t("your_choice_right") : T.t("your_choice_wrong");
          else label = mark.right ? T.t("missed_right") : T.t("not_chosen");
          rows[o.id].row.classList.add(mark.right ? "ts-good" : "ts-bad");
          rows[o.id].row.appendChild(T.mark(mark.right, label, mark.text));
        });
      },
      reset: function () {
        T.clearMarks(el);
        T.setLocked(el, false);
        activity.options.forEach(function (o) { rows[o.id].input.checked = false; });
      },
    };
  }

  T.widgets.single_choice = function (activity, uid) { return choiceWidget(activity, uid, false); };
  T.widgets.multiple_choice = function (activity, uid) { return choiceWidget(activity, uid, true); };
})(Tisseuse);
