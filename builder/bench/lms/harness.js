/*
 * A stand-in LMS for tests, built on scorm-again. Query parameters:
 *   version  "12" or "2004"
 *   sco      URL of the SCO to launch
 *   mode     "iframe" (default) or "popup" (opened by the #launch button)
 *   delay    milliseconds before the API object appears (late API)
 *   seed     JSON of a previous attempt's stored data, to relaunch (resume)
 *   objectives  JSON list of {id, success_status}: objectives an LMS would
 *            carry over from sequencing (global objectives read by this SCO)
 * window.harness records every API call, and `persisted` is what a real LMS
 * would have stored: a snapshot taken at each successful Commit or Finish.
 * Like Moodle (and unlike scorm-again), it refuses a SCORM 1.2 suspend_data
 * longer than 4096 characters. Setting harness.refuseCommits makes Commit
 * and Finish fail, like an LMS that drops requests while the page unloads.
 */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var version = params.get("version");
  var is12 = version === "12";
  var names = is12
    ? { set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", wrapped: ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"] }
    : { set: "SetValue", commit: "Commit", finish: "Terminate", wrapped: ["Initialize", "GetValue", "SetValue", "Commit", "Terminate"] };
  var H = (window.harness = {
    version: version, calls: [], persisted: null, finished: false, refuseCommits: false,
    rejected: [], installedAt: null, popup: null,
  });

  function snapshot(api) { return JSON.parse(JSON.stringify(api.renderCommitCMI(true))); }

  function seed(api, data) {
    var cmi = data.cmi;
    if (is12) {
      api.cmi.suspend_data = cmi.suspend_data || "";
      api.cmi.core.lesson_location = cmi.core.lesson_location || "";
      api.cmi.core.lesson_status = cmi.core.lesson_status || "not attempted";
      api.cmi.core.entry = "resume";
      api.cmi.core.credit = "credit";
    } else {
      api.cmi.suspend_data = cmi.suspend_data || "";
      api.cmi.location = cmi.location || "";
      api.cmi.completion_status = cmi.completion_status || "unknown";
      api.cmi.entry = "resume";
    }
  }

  function wrap(api, name) {
    var original = api[name].bind(api);
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var call = { method: name, args: args, afterFinish: H.finished, at: Date.now() };
      H.calls.push(call);
      if (is12 && name === names.set && args[0] === "cmi.suspend_data" && String(args[1]).length > 4096) {
        H.rejected.push(String(args[1]).length);
        return (call.result = "false");
      }
      if ((name === names.commit || name === names.finish) && H.refuseCommits) {
        if (name === names.finish) H.finished = true;
        return (call.result = "false");
      }
      call.result = String(original.apply(null, args));
      if ((name === names.commit || name === names.finish) && call.result === "true") H.persisted = snapshot(api);
      if (name === names.finish) H.finished = true;
      return call.result;
    };
  }

  function install() {
    var settings = { logLevel: 5, autocommit: false };
    var api = is12 ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (params.get("seed")) seed(api, JSON.parse(params.get("seed")));
    if (params.get("objectives")) {
      var list = JSON.parse(params.get("objectives"));
      var objectives = {};
      list.forEach(function (o, n) { objectives[n] = o; });
      api.loadFromJSON({ objectives: objectives });
    }
    names.wrapped.forEach(function (name) { wrap(api, name); });
    window[is12 ? "API" : "API_1484_11"] = api;
    H.api = api;
    H.installedAt = Date.now();
  }

  var delay = Number(params.get("delay") || 0);
  if (delay > 0) setTimeout(install, delay);
  else install();

  document.addEventListener("DOMContentLoaded", function () {
    var sco = params.get("sco");
    if (params.get("mode") === "popup") {
      document.getElementById("launch").addEventListener("click", function () {
        H.popup = window.open(sco, "sco", "width=810,height=1080");
      });
    } else {
      var frame = document.createElement("iframe");
      frame.id = "sco";
      frame.title = "Module";
      frame.src = sco;
      document.body.appendChild(frame);
    }
  });
})();
