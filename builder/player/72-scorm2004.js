/*
 * SCORM 2004 (4th edition) binding: completion and success are separate,
 * score.scaled in -1..1, ISO 8601 durations, "[,]"-delimited responses,
 * results "correct" / "incorrect" / "neutral", suspend_data up to 64000.
 */
(function (T) {
  "use strict";

  var TYPES = {
    single_choice: "choice",
    multiple_choice: "choice",
    spot_the_problem: "choice",
    ordering: "sequencing",
    categorise: "matching",
    scenario: "other",
  };

  /** Milliseconds -> ISO 8601 duration, e.g. "PT1M5.25S". */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s + "S";
  }

  function timestamp() {
    var d = new Date();
    return d.getFullYear() + "-" + T.pad(d.getMonth() + 1, 2) + "-" + T.pad(d.getDate(), 2) + "T" +
      T.pad(d.getHours(), 2) + ":" + T.pad(d.getMinutes(), 2) + ":" + T.pad(d.getSeconds(), 2);
  }

  /** A learner answer (or a right answer) in the 2004 response syntax. */
  function response(activity, answer) {
    switch (activity.type) {
      case "single_choice": return answer;
      case "multiple_choice":
      case "spot_the_problem": return answer.slice().sort().join("[,]");
      case "ordering": return answer.join("[,]");
      case "categorise":
        return activity.items.filter(function (item) { return answer[item.id] !== undefined; })
          .map(function (item) { return item.id + "[.]" + answer[item.id]; }).join("[,]");
      case "scenario": return answer.join(",");
    }
    return "";
  }

  function rightAnswer(activity, key) {
    if (!key) return null;
    switch (activity.type) {
      case "single_choice": return key.correct[0];
      case "multiple_choice": return response(activity, key.correct);
      case "spot_the_problem": return response(activity, key.problems);
      case "ordering": return response(activity, key.order);
      case "categorise": return response(activity, key.answer);
    }
    return null;
  }

  var binding = {
    name: "scorm2004",
    apiName: "API_1484_11",
    initialize: "Initialize",
    getValue: "GetValue",
    setValue: "SetValue",
    commit: "Commit",
    terminate: "Terminate",
    suspendData: "cmi.suspend_data",
    suspendLimit: 64000,
    location: "cmi.location",
    exit: "cmi.exit",
    sessionTime: "cmi.session_time",
    timespan: timespan,
    response: response,

    applyProgress: function (session, p) {
      var completion = p.completed ? "completed" : "incomplete";
      var success = p.passed === true ? "passed" : p.passed === false ? "failed" : "unknown";
      var w = session.written;
      var changed = w["cmi.completion_status"] !== completion || w["cmi.success_status"] !== success;
      if (p.score) {
        changed = changed || w["cmi.score.raw"] !== String(p.score.raw);
        session.set("cmi.score.min", "0");
        session.set("cmi.score.max", "100");
        session.set("cmi.score.raw", String(p.score.raw));
        session.set("cmi.score.scaled", String(p.score.scaled));
      }
      session.set("cmi.progress_measure", String(Math.round((p.seen / p.total) * 100) / 100));
      session.set("cmi.completion_status", completion);
      session.set("cmi.success_status", success);
      return changed;
    },

    /** success: true -> passed, false -> failed, null -> unknown; measure 0..1. */
    writeObjective: function (session, n, id, success, measure) {
      var o = "cmi.objectives." + n + ".";
      session.set(o + "id", id, true);
      session.set(o + "score.scaled", String(Math.round(measure * 10000) / 10000), true);
      session.set(o + "success_status", success === true ? "passed" : success === false ? "failed" : "unknown", true);
      session.set(o + "completion_status", "completed", true);
    },

    writeInteraction: function (session, record, prefix) {
      var n = "cmi.interactions." + record.interaction + ".";
      var activity = record.activity;
      session.set(n + "id", prefix + record.screenId, true);
      session.set(n + "type", TYPES[activity.type], true);
      if (activity.objectives.length) session.set(n + "objectives.0.id", activity.objectives[0], true);
      session.set(n + "timestamp", timestamp(), true);
      var right = rightAnswer(activity, record.key);
      if (right !== null) session.set(n + "correct_responses.0.pattern", right, true);
      session.set(n + "learner_response", response(activity, record.answer), true);
      session.set(n + "result", record.correct === null ? "neutral" : record.correct ? "correct" : "incorrect", true);
      session.set(n + "latency", timespan(record.latencyMs), true);
      session.set(n + "description", activity.prompt.slice(0, 250), true);
    },
  };

  T.scorm2004 = binding;
  T.registerAdapter("scorm2004", function (config) { return T.scormAdapter(binding, config); });
})(Tisseuse);
