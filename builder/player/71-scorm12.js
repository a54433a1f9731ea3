/*
 * SCORM 1.2 binding. Formats follow the 1.2 RTE as Moodle enforces it:
 * score 0-100, CMITimespan "HHHH:MM:SS.SS", single-character response tokens,
 * results "correct" / "wrong" / "neutral", suspend_data at most 4096 characters.
 */
(function (T) {
  "use strict";

  var TYPES = {
    single_choice: "choice",
    multiple_choice: "choice",
    spot_the_problem: "choice",
    ordering: "sequencing",
    categorise: "matching",
    scenario: "performance",
  };

  /** Milliseconds -> "HHHH:MM:SS.SS". */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = Math.floor((cs % 6000) / 100);
    return T.pad(Math.min(h, 9999), 4) + ":" + T.pad(m, 2) + ":" + T.pad(s, 2) + "." + T.pad(cs % 100, 2);
  }

  function clock() {
    var d = new Date();
    return T.pad(d.getHours(), 2) + ":" + T.pad(d.getMinutes(), 2) + ":" + T.pad(d.getSeconds(), 2);
  }

  function ids(list) { return list.map(function (x) { return x.id; }); }

  function letters(list, chosen) {
    var all = ids(list);
    return chosen.map(function (id) { return all.indexOf(id); }).filter(function (i) { return i >= 0; })
      .map(T.letter);
  }

  /** A learner answer (or a right answer) as 1.2 tokens; null when none fits. */
  function tokens(activity, answer) {
    switch (activity.type) {
      case "single_choice":
        return letters(activity.options, [answer]).join("");
      case "multiple_choice":
        return letters(activity.options, answer).sort().join(",");
      case "spot_the_problem":
        return letters(activity.segments, answer).sort().join(",");
      case "ordering":
        return letters(activity.steps, answer).join(",");
      case "categorise":
        return activity.items.map(function (item, i) {
          var category = ids(activity.categories).indexOf(answer[item.id]);
          return category < 0 ? null : T.letter(i) + "." + T.letter(category);
        }).filter(Boolean).join(",");
      case "scenario":
        return (T.scenarioSteps(activity, answer) || []).map(function (s) { return T.letter(s.choiceIndex); }).join(",");
    }
    return null;
  }

  function rightAnswer(activity, key) {
    if (!key) return null;
    switch (activity.type) {
      case "single_choice": return tokens(activity, key.correct[0]);
      case "multiple_choice": return tokens(activity, key.correct);
      case "spot_the_problem": return tokens(activity, key.problems);
      case "ordering": return tokens(activity, key.order);
      case "categorise": return tokens(activity, key.answer);
    }
    return null;
  }

  var binding = {
    name: "scorm12",
    apiName: "API",
    initialize: "LMSInitialize",
    getValue: "LMSGetValue",
    setValue: "LMSSetValue",
    commit: "LMSCommit",
    terminate: "LMSFinish",
    suspendData: "cmi.suspend_data",
    suspendLimit: 4096,
    location: "cmi.core.lesson_location",
    exit: "cmi.core.exit",
    sessionTime: "cmi.core.session_time",
    timespan: timespan,
    tokens: tokens,

    /** Status and score; true when either changed (the caller commits at once). */
    applyProgress: function (session, p) {
      var status = !p.completed ? "incomplete"
        : p.passed === true ? "passed" : p.passed === false ? "failed" : "completed";
      var changed = session.written["cmi.core.lesson_status"] !== status;
      if (p.score) {
        changed = changed || session.written["cmi.core.score.raw"] !== String(p.score.raw);
        session.set("cmi.core.score.min", "0");
        session.set("cmi.core.score.max", "100");
        session.set("cmi.core.score.raw", String(p.score.raw));
      }
      session.set("cmi.core.lesson_status", status);
      return changed;
    },

    /** success: true -> passed, false -> failed, null -> incomplete; measure 0..1. */
    writeObjective: function (session, n, id, success, measure) {
      var o = "cmi.objectives." + n + ".";
      session.set(o + "id", id, true);
      session.set(o + "score.min", "0", true);
      session.set(o + "score.max", "100", true);
      session.set(o + "score.raw", String(Math.round(measure * 100)), true);
      session.set(o + "status", success === true ? "passed" : success === false ? "failed" : "incomplete", true);
    },

    writeInteraction: function (session, record, prefix) {
      var n = "cmi.interactions." + record.interaction + ".";
      var activity = record.activity;
      session.set(n + "id", prefix + record.screenId, true);
      session.set(n + "type", TYPES[activity.type], true);
      if (activity.objectives.length) session.set(n + "objectives.0.id", activity.objectives[0], true);
      session.set(n + "time", clock(), true);
      var right = rightAnswer(activity, record.key);
      if (right !== null) session.set(n + "correct_responses.0.pattern", right, true);
      session.set(n + "student_response", tokens(activity, record.answer), true);
      session.set(n + "result", record.correct === null ? "neutral" : record.correct ? "correct" : "wrong", true);
      session.set(n + "latency", timespan(record.latencyMs), true);
    },
  };

  T.scorm12 = binding;
  T.registerAdapter("scorm12", function (config) { return T.scormAdapter(binding, config); });
})(Tisseuse);
