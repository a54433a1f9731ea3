/*
 * SCORM runtime, shared by SCORM 1.2 and SCORM 2004 (71-scorm12.js and
 * 72-scorm2004.js hold what differs: element names, formats, vocabularies).
 *
 * - API discovery: this window, its parents, then the opener and its parents
 *   (the ADL algorithm), polled until the API appears or a timeout passes.
 * - No LMS found: standalone mode, state kept on this device, with a notice.
 * - Completion and success by our rules only: completed when every screen was
 *   seen; passed/failed only when the module declares a mastery score (and
 *   only once completed); the score written is the one the learner sees.
 * - State in suspend_data; commit on every status or score change, on every
 *   answer, when the page is hidden and before Terminate; nothing is ever
 *   called after Terminate/LMSFinish; a refused Commit loses nothing already
 *   committed.
 */
(function (T) {
  "use strict";

  var LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

  function scan(win, name) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (e) { /* a cross-origin frame: keep climbing */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  /** The LMS API object named `name`, or null. */
  T.findApi = function (name) {
    var api = scan(window, name);
    try {
      if (!api && window.opener) api = scan(window.opener, name);
      if (!api && window.top && window.top.opener) api = scan(window.top.opener, name);
    } catch (e) { /* the opener is another site */ }
    return api;
  };

  /** Resolve with the API as soon as it exists, or null after `timeout` ms. */
  T.waitForApi = function (name, timeout, interval) {
    return new Promise(function (resolve) {
      var started = Date.now();
      (function poll() {
        var api = T.findApi(name);
        if (api || Date.now() - started >= timeout) resolve(api || null);
        else setTimeout(poll, interval);
      })();
    });
  };

  /** Index -> one-character token (SCORM 1.2 vocabularies use single characters). */
  T.letter = function (index) { return LETTERS.charAt(index); };

  function pad(value, width) {
    var text = String(value);
    while (text.length < width) text = "0" + text;
    return text;
  }
  T.pad = pad;

  /* ---------- one LMS session: guarded calls, no call after Terminate ---------- */

  function Session(binding, api) {
    this.b = binding;
    this.api = api;
    this.open = false;
    this.closed = false;
    this.written = {};
    this.startedAt = Date.now();
  }

  Session.prototype.call = function (method, args) {
    if (this.closed) return "";
    try {
      return String(this.api[method].apply(this.api, args));
    } catch (error) {
      if (window.console) console.error("SCORM " + method + " failed", error);
      return "";
    }
  };

  Session.prototype.initialize = function () {
    this.open = this.call(this.b.initialize, [""]) === "true";
    if (!this.open) this.closed = true;
    this.startedAt = Date.now();
    return this.open;
  };

  Session.prototype.get = function (element) {
    return this.open ? this.call(this.b.getValue, [element]) : "";
  };

  /** Set a value; skip it when it is what we already wrote (fewer LMS calls). */
  Session.prototype.set = function (element, value, always) {
    if (!this.open) return false;
    value = String(value);
    if (!always && this.written[element] === value) return true;
    var ok = this.call(this.b.setValue, [element, value]) === "true";
    if (ok) this.written[element] = value;
    return ok;
  };

  Session.prototype.commit = function () {
    return this.open && this.call(this.b.commit, [""]) === "true";
  };

  Session.prototype.terminate = function () {
    if (!this.open) return;
    this.call(this.b.terminate, [""]);
    this.open = false;
    this.closed = true;
  };

  Session.prototype.elapsed = function () { return Date.now() - this.startedAt; };

  /** Index of the objective `id` in cmi.objectives, or -1 (read once from the LMS). */
  Session.prototype.findObjective = function (id) {
    if (!this.objectives) {
      this.objectives = [];
      var count = parseInt(this.get("cmi.objectives._count"), 10) || 0;
      for (var n = 0; n < count; n++) this.objectives.push(this.get("cmi.objectives." + n + ".id"));
    }
    return this.objectives.indexOf(id);
  };

  /** Index of the objective `id`: the existing one, or the next free slot. */
  Session.prototype.objectiveIndex = function (id) {
    if (this.findObjective(id) < 0) this.objectives.push(id);
    return this.findObjective(id);
  };

  /**
   * In a multi-SCO path the LMS skips a mastered module by sequencing; an LMS
   * that ignores sequencing still launches it, so the module says itself that
   * it is optional. `rules`: [{objective, status}] read from cmi.objectives.
   */
  function optionalNotice(session, rules) {
    if (!rules || !rules.length) return null;
    for (var r = 0; r < rules.length; r++) {
      var n = session.findObjective(rules[r].objective);
      if (n >= 0 && session.get("cmi.objectives." + n + ".success_status") === rules[r].status) {
        return T.t("optional_module");
      }
    }
    return null;
  }

  /* ---------- the adapter ---------- */

  /**
   * Build a player adapter for one SCORM version. `binding` describes the
   * version (see 71-scorm12.js); `config.interactionPrefix` is prepended to
   * interaction ids (path packages prefix the module id).
   */
  T.scormAdapter = function (binding, config) {
    var session = null;
    var fallback = null;
    var dirty = false;
    var timer = null;

    function standalone(info, reason) {
      fallback = T.adapters.web(config);
      return fallback.start(info).then(function (saved) {
        return { state: saved.state, notice: T.t(reason) };
      });
    }

    function commitSoon() {
      dirty = true;
      if (!timer) timer = setTimeout(function () { timer = null; commitNow(); }, 10000);
    }

    function commitNow() {
      if (timer) { clearTimeout(timer); timer = null; }
      dirty = false;
      return session.commit();
    }

    var adapter = {
      name: binding.name,
      start: function (info) {
        var box = document.querySelector(".ts-notice");
        if (box) box.textContent = T.t("connecting_lms");
        return T.waitForApi(binding.apiName, config.apiTimeout || 5000, 250).then(function (api) {
          if (box) box.textContent = "";
          if (!api) return standalone(info, "no_lms");
          session = new Session(binding, api);
          if (!session.initialize()) return standalone(info, "lms_refused");
          var saved = session.get(binding.suspendData);
          return { state: saved || null, notice: optionalNotice(session, config.optionalWhen) };
        });
      },
      save: function (state, progress) {
        if (fallback) return fallback.save(state, progress);
        if (!session || !session.open) return;
        if (state.length > binding.suspendLimit) {
          if (window.console) console.error("state larger than " + binding.suspendLimit + " characters: not saved");
        } else {
          session.set(binding.suspendData, state);
        }
        session.set(binding.location, progress.location);
        session.set(binding.exit, "suspend");
        var changed = binding.applyProgress(session, progress);
        if (changed) commitNow();
        else commitSoon();
      },
      answer: function (record) {
        if (fallback || !session || !session.open || record.interaction < 0) return;
        binding.writeInteraction(session, record, config.interactionPrefix || "");
        commitNow();
      },
      suspend: function () {
        if (fallback || !session || !session.open) return;
        session.set(binding.sessionTime, binding.timespan(session.elapsed()), true);
        commitNow();
      },
      exit: function () {
        if (fallback || !session || !session.open) return;
        session.set(binding.sessionTime, binding.timespan(session.elapsed()), true);
        session.set(binding.exit, "suspend");
        commitNow(); // may be refused during unload: what was committed before stays
        session.terminate();
      },
      finish: function () {
        if (!fallback && session && session.open && dirty) commitNow();
      },
      /** Placement results as LMS objectives: [{competence, decision, p_mastery}]. */
      objectives: function (results) {
        if (fallback || !session || !session.open) return;
        results.forEach(function (r) {
          var success = r.decision === "skip" ? true : r.decision === "remediation" ? false : null;
          binding.writeObjective(session, session.objectiveIndex(r.competence), r.competence, success, r.p_mastery);
        });
        commitNow();
      },
    };
    adapter.session = function () { return session; };
    return adapter;
  };
})(Tisseuse);
