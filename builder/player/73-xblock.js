/*
 * Open edX: the XBlock adapter and the micro-module block's script.
 *
 * The page holds the module's public half only; the answer key stays on the
 * server. The adapter sends each answer to the block's `answer` handler and
 * shows the evaluation the server returns (the player's optional
 * adapter.evaluate), and sends the player's state to `save` after every
 * change. Requests go one at a time, in order: answers carry a sequence
 * number the server checks (see xblocks/module.py).
 *
 * The block's data is in its own <script type="application/json"
 * data-tisseuse-data>, not in the runtime's init arguments: a path holds
 * module blocks, and nested init arguments would be read together.
 */
(function (T) {
  "use strict";

  /** The block's DOM element, whether the runtime passes it bare or in jQuery. */
  T.xblockElement = function (element) {
    return element && element.jquery ? element[0] : element;
  };

  /** The block's own root and data (not those of a block nested inside it). */
  T.xblockData = function (element) {
    var root = element.classList.contains("tisseuse-xblock") ? element : element.querySelector(".tisseuse-xblock");
    var script = null;
    for (var i = 0; i < root.children.length && !script; i++) {
      if (root.children[i].hasAttribute("data-tisseuse-data")) script = root.children[i];
    }
    return { root: root, data: script ? JSON.parse(script.textContent) : {} };
  };

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /**
   * POST `body` as JSON to the block's `handler`. Resolves with the reply;
   * rejects with {status, error} (the server's message) on any failure.
   */
  T.xblockCall = function (runtime, element, handler, body, keepalive) {
    return fetch(runtime.handlerUrl(element, handler), {
      method: "POST",
      credentials: "same-origin",
      keepalive: Boolean(keepalive),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), "X-Requested-With": "XMLHttpRequest" },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (reply) {
        if (!response.ok) throw { status: response.status, error: reply.error || response.statusText };
        return reply;
      });
    }, function () {
      throw { status: 0, error: "network" };
    });
  };

  /** Run jobs one after the other, in the order they were pushed. */
  T.XblockQueue = function () { this.tail = Promise.resolve(); };
  T.XblockQueue.prototype.push = function (job) {
    var run = this.tail.then(job, job);
    this.tail = run.catch(function () { return null; });
    return run;
  };

  /** A message for the learner when the server refused or could not be reached. */
  T.xblockProblem = function (box, error) {
    if (!box) return;
    box.textContent = "";
    box.appendChild(T.h("p", { class: "ts-feedback-text", lang: T.uiLang(), text: T.t(error && error.status === 409 ? "xblock_conflict" : "xblock_failed") }));
    if (window.console) console.error("Tisseuse XBlock:", error);
  };

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  /**
   * The player adapter. `call(handler, body, keepalive)` posts to the block;
   * `data` is the block's data: {module, state, notice, evaluations, seq}.
   */
  T.xblockAdapter = function (call, data, noticeBox) {
    var version = data.module.version;
    var seq = data.seq;
    var restoring = Object.assign({}, data.evaluations); // answers the server already holds
    var last = {}; // screen -> the last answer sent and its evaluation
    var queue = new T.XblockQueue();

    function post(screenId, answer) {
      return queue.push(function () {
        return call("answer", { seq: seq + 1, screen: screenId, answer: answer, version: version });
      }).then(function (reply) {
        seq = reply.seq;
        last[screenId] = { answer: answer, evaluation: reply.evaluation };
        return reply.evaluation;
      }, function (error) {
        T.xblockProblem(noticeBox(), error);
        throw error;
      });
    }

    return {
      name: "xblock",
      start: function () {
        return Promise.resolve({ state: data.state, notice: data.notice ? T.t(data.notice) : null });
      },
      /** The server's evaluation; a restored or repeated answer is not sent again. */
      evaluate: function (screenId, answer) {
        var known = restoring[screenId] || last[screenId];
        delete restoring[screenId];
        if (known && same(known.answer, answer)) return Promise.resolve(known.evaluation);
        return post(screenId, answer);
      },
      save: function (state) {
        restoring = {};
        queue.push(function () { return call("save_state", { state: state, version: version }, true); })
          .catch(function (error) { T.xblockProblem(noticeBox(), error); });
      },
    };
  };

  /** Runtime entry point of the micro-module block (see xblocks/module.py). */
  window.TisseuseModuleXBlock = function (runtime, element) {
    element = T.xblockElement(element);
    var found = T.xblockData(element);
    var data = found.data;
    T.strings = Object.assign({}, T.strings, data.strings);
    T.setLangs(data);
    var mount = found.root.querySelector("[data-tisseuse-xblock-player]");
    var call = function (handler, body, keepalive) { return T.xblockCall(runtime, element, handler, body, keepalive); };
    var started = null;
    found.root.tisseuseStart = function () {
      if (started) return started;
      var adapter = T.xblockAdapter(call, data, function () { return mount.querySelector(".ts-notice"); });
      var player = new T.Player(mount, data.module, adapter, { speechLang: data.speechLang, ownExit: !data.inPath });
      found.root.tisseusePlayer = player;
      started = player.start();
      return started;
    };
    if (!data.inPath) found.root.tisseuseStart(); // inside a path, the path starts it when opened
  };
})(Tisseuse);
