/*
 * Web adapter: keeps the learner's state in this browser's localStorage, so
 * the module resumes where it was left on the same device. Nothing leaves the
 * device. If storage is unavailable (private browsing, full quota), the
 * module still works for the current visit and says so.
 */
(function (T) {
  "use strict";

  T.WebStorage = {
    key: function (namespace, moduleId) { return "tisseuse:" + namespace + ":" + moduleId; },
    read: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    write: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ }
    },
  };

  /** On catalogue pages: show "done" / "in progress" on each module card. */
  T.markProgress = function () {
    var badges = document.querySelectorAll("[data-progress-module]");
    Array.prototype.forEach.call(badges, function (badge) {
      var key = T.WebStorage.key(badge.getAttribute("data-namespace"), badge.getAttribute("data-progress-module"));
      var progress = null;
      try { progress = JSON.parse(T.WebStorage.read(key + ":progress") || "null"); } catch (e) { progress = null; }
      if (!progress) return;
      badge.textContent = progress.completed
        ? T.t("progress_done")
        : T.t("progress_started", { seen: progress.seen, total: progress.total });
      badge.hidden = false;
    });
  };

  T.registerAdapter("web", function (config) {
    var store = T.WebStorage;
    var storageKey = null;
    var progressKey = null;
    var warned = false;
    return {
      name: "web",
      start: function (info) {
        storageKey = store.key(config.namespace, info.moduleId);
        progressKey = storageKey + ":progress";
        return Promise.resolve({ state: store.read(storageKey), notice: null });
      },
      save: function (state, progress) {
        var ok = store.write(storageKey, state) &&
          store.write(progressKey, JSON.stringify({ seen: progress.seen, total: progress.total, completed: progress.completed }));
        if (!ok && !warned) {
          warned = true;
          var box = document.querySelector(".ts-notice");
          if (box) box.textContent = T.t("storage_unavailable");
        }
      },
    };
  });
})(Tisseuse);
