/*
 * A whole job-family path in one page (one SCO): the placement quiz, the
 * learner's route, and each module played in place. One LMS session, one
 * saved state:
 *
 *   P1^<version:6>^<view>^<flags>^<seed>^<quiz answers>^<modules>^<interactions>
 *
 * view: "h" (the route), "q" (the quiz) or "m<k>" (module k, base 36);
 * flags: "d" quiz done, "s" quiz skipped; seed in base 36;
 * quiz answers: <item>.<option>.<option>,... (indices, base 36 for items);
 * modules: <k>:<completed 0|1>:<score>=<module state>~...;
 * interactions: "p<item>" or "<k>:<screen>", in first-recorded order: the LMS
 * interaction index of each answer (written in index order).
 * Module content is loaded on demand from modules/<id>.js.
 */
(function (T) {
  "use strict";
  var h = T.h;

  T.registerModule = function (projection) {
    T.loadedModules = T.loadedModules || {};
    T.loadedModules[projection.id] = projection;
  };

  function loadModule(module) {
    var loaded = T.loadedModules && T.loadedModules[module.id];
    if (loaded) return Promise.resolve(loaded);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = module.src;
      script.onload = function () { resolve(T.loadedModules[module.id]); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /* ---------- state ---------- */

  function emptyPath(data) {
    return { view: "h", done: false, skipped: false, seed: 0, answers: [], modules: {}, interactions: [] };
  }

  function encodePath(data, s) {
    var items = data.placement ? data.placement.engine.items.map(function (i) { return i.id; }) : [];
    var content = data.placement ? data.placement.content : {};
    var answers = s.answers.map(function (a) {
      var options = content[a[0]].options.map(function (o) { return o.id; });
      return [items.indexOf(a[0]).toString(36)].concat(a[2].map(function (o) { return options.indexOf(o); })).join(".");
    });
    var modules = Object.keys(s.modules).map(function (k) {
      var m = s.modules[k];
      return Number(k).toString(36) + ":" + (m.completed ? 1 : 0) + ":" + (m.score === null ? "" : m.score) + "=" + m.state;
    });
    var view = s.view.charAt(0) === "m" ? "m" + Number(s.view.slice(1)).toString(36) : s.view;
    return ["P1", data.version.slice(0, 6), view, (s.done ? "d" : "") + (s.skipped ? "s" : ""),
      s.seed.toString(36), answers.join(","), modules.join("~"), s.interactions.join(",")].join("^");
  }

  function decodePath(data, text) {
    var parts = String(text || "").split("^");
    if (parts.length !== 8 || parts[0] !== "P1" || parts[1] !== data.version.slice(0, 6)) return null;
    var s = emptyPath(data);
    s.view = parts[2].charAt(0) === "m" ? "m" + parseInt(parts[2].slice(1), 36) : parts[2];
    s.done = parts[3].indexOf("d") >= 0;
    s.skipped = parts[3].indexOf("s") >= 0;
    s.seed = parseInt(parts[4] || "0", 36);
    if (data.placement && parts[5]) {
      var engine = data.placement.engine;
      parts[5].split(",").forEach(function (entry) {
        var bits = entry.split(".");
        var item = engine.items[parseInt(bits[0], 36)];
        if (!item) return;
        var options = data.placement.content[item.id].options;
        var chosen = bits.slice(1).map(function (i) { return options[Number(i)] && options[Number(i)].id; });
        s.answers.push([item.id, rightAnswer(data.placement.key[item.id], chosen), chosen]);
      });
    }
    (parts[6] ? parts[6].split("~") : []).forEach(function (entry) {
      var cut = entry.indexOf("=");
      var head = entry.slice(0, cut).split(":");
      s.modules[parseInt(head[0], 36)] = {
        completed: head[1] === "1",
        score: head[2] === "" ? null : Number(head[2]),
        state: entry.slice(cut + 1),
      };
    });
    s.interactions = parts[7] ? parts[7].split(",") : [];
    return s;
  }

  function rightAnswer(key, chosen) {
    var sorted = chosen.slice().sort();
    var right = key.correct.slice().sort();
    return sorted.length === right.length && sorted.every(function (id, i) { return id === right[i]; });
  }

  T.pathState = { encode: encodePath, decode: decodePath, empty: emptyPath };

  /* ---------- the runner ---------- */

  function PathRunner(root, data, adapter, config) {
    this.root = root;
    this.data = data;
    this.adapter = adapter;
    this.config = config || {};
    this.state = emptyPath(data);
    this.index = {};
    var self = this;
    data.modules.forEach(function (m, k) { self.index[m.id] = k; });
  }

  PathRunner.prototype.start = function () {
    var self = this;
    var box = h("div", { class: "ts-notice", role: "status", lang: T.uiLang() });
    this.noticeBox = box;
    this.view = h("div", { class: "ts-path-view" });
    this.root.textContent = "";
    T.append(this.root, [box, this.view]);
    var started = this.adapter.start({ moduleId: "path-" + this.data.id, version: this.data.version });
    return Promise.resolve(started).then(function (saved) {
      var decoded = saved.state ? decodePath(self.data, saved.state) : null;
      if (decoded) self.state = decoded;
      if (saved.notice) box.textContent = saved.notice;
      else if (decoded && decoded.view !== "h") box.textContent = T.t("resumed");
      self.show(self.state.view, false);
      window.addEventListener("pagehide", function () { self.call("exit"); });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") self.call("suspend");
      });
    });
  };

  PathRunner.prototype.call = function (method) {
    var fn = this.adapter[method];
    if (typeof fn !== "function") return undefined;
    try { return fn.apply(this.adapter, Array.prototype.slice.call(arguments, 1)); }
    catch (error) { if (window.console) console.error("adapter." + method, error); return undefined; }
  };

  PathRunner.prototype.show = function (view, moveFocus) {
    this.state.view = view;
    this.persist();
    if (view === "q" && this.data.placement) this.showQuiz(moveFocus);
    else if (view.charAt(0) === "m") this.showModule(Number(view.slice(1)), moveFocus);
    else this.showRoute(moveFocus);
  };

  PathRunner.prototype.decisions = function () {
    if (!this.data.placement || !this.state.done) return {};
    var answers = this.state.answers.map(function (a) { return [a[0], a[1]]; });
    return T.placement.decisions(this.data.placement.engine, answers);
  };

  /** The learner's route: from the quiz if taken, else every module of the path. */
  PathRunner.prototype.route = function () {
    var engine = this.data.placement ? this.data.placement.engine : null;
    if (engine && this.state.done) {
      return T.placement.route(engine.modules, engine.basics, this.decisions(), engine.basics_competence);
    }
    return this.data.path_modules.map(function (id) { return { module: id, status: "recommended", reason: "job" }; });
  };

  PathRunner.prototype.progress = function () {
    var self = this;
    var decided = !this.data.placement || this.state.done || this.state.skipped;
    var recommended = this.route().filter(function (s) { return s.status === "recommended"; });
    var finished = recommended.filter(function (s) {
      var m = self.state.modules[self.index[s.module]];
      return m && m.completed;
    });
    var completed = decided && finished.length === recommended.length;
    var scores = recommended.map(function (s) {
      var m = self.state.modules[self.index[s.module]];
      return m ? m.score : null;
    }).filter(function (score) { return score !== null; });
    var score = null;
    if (completed && scores.length) {
      var raw = Math.round(scores.reduce(function (a, b) { return a + b; }, 0) / scores.length);
      score = { raw: raw, min: 0, max: 100, scaled: raw / 100, correct: null, scored: null };
    }
    return {
      mastery: null, location: this.state.view, index: 0, atEnd: false,
      seen: finished.length, total: recommended.length, completed: completed, score: score, passed: null,
    };
  };

  PathRunner.prototype.persist = function () {
    this.call("save", encodePath(this.data, this.state), this.progress());
  };

  /** The LMS interaction index of an answer, allocated in first-recorded order. */
  PathRunner.prototype.interaction = function (key) {
    if (this.state.interactions.indexOf(key) < 0) this.state.interactions.push(key);
    return this.state.interactions.indexOf(key);
  };

  PathRunner.prototype.heading = function (text, moveFocus) {
    var heading = h("h2", { class: "ts-screen-title", id: "ts-path-title", tabindex: "-1", text: text });
    this.view.textContent = "";
    this.view.appendChild(heading);
    if (moveFocus !== false) heading.focus();
  };

  PathRunner.prototype.showRoute = function (moveFocus) {
    var self = this;
    var progress = this.progress();
    if (this.config.contentLang) T.langs.content = this.config.contentLang; // back from a module
    var ui = T.uiLang();
    this.heading(this.data.title, moveFocus);
    var section = h("section", { class: "ts-screen", "aria-labelledby": "ts-path-title" },
      h("p", { class: "ts-lead", text: this.data.audience }));
    if (this.data.placement && !this.state.done) {
      section.appendChild(h("div", { class: "ts-actions", lang: ui },
        h("button", { type: "button", class: "ts-button ts-primary", text: T.t("placement_cta"),
          onclick: function () { self.show("q"); } }),
        this.state.skipped ? null : h("button", { type: "button", class: "ts-button", text: T.t("placement_skip"),
          onclick: function () { self.state.skipped = true; self.show("h"); } })));
    }
    section.appendChild(h("p", { class: "ts-progress-label", lang: ui,
      text: T.t("path_progress", { done: progress.seen, total: progress.total }) }));
    if (progress.completed) section.appendChild(h("p", { class: "ts-score", lang: ui, text: progress.score
      ? T.t("path_done_score", { raw: progress.score.raw }) : T.t("path_done") }));
    section.appendChild(T.renderRoute(this.route(), this.data.modules, function (m) { return self.openButton(m); }, 3));
    this.view.appendChild(section);
  };

  PathRunner.prototype.openButton = function (m) {
    var self = this;
    if (this.config.sequenced) {
      // Each module is its own SCO: the LMS menu opens it, not this page.
      return h("span", { class: "ts-card-title", text: m.title });
    }
    var k = this.index[m.id];
    var saved = this.state.modules[k];
    var label = !saved ? T.t("module_start") : saved.completed ? T.t("module_review") : T.t("module_resume");
    return h("button", { type: "button", class: "ts-button ts-link ts-card-title", "data-open": m.id,
      "aria-label": T.t("action_on", { action: label, title: m.title }), onclick: function () { self.show("m" + k); } },
      m.title, saved && saved.completed ? [" — ", T.ui(T.t("progress_done"))] : null);
  };

  PathRunner.prototype.showQuiz = function (moveFocus) {
    var self = this;
    var data = this.data;
    var container = h("div", { class: "ts-player" });
    this.view.textContent = "";
    this.view.appendChild(container);
    var store = {
      load: function () {
        if (!self.state.answers.length && !self.state.done) return null;
        return { version: data.placement.version, seed: self.state.seed, answers: self.state.answers, done: self.state.done };
      },
      save: function (quiz) {
        self.state.seed = quiz.seed;
        self.state.answers = quiz.answers;
        self.state.done = quiz.done;
        self.persist();
      },
    };
    var quiz = new T.Quiz(container, Object.assign({ path: { modules: data.modules } }, data.placement), store, {
      speechLang: this.config.speechLang,
      pathAction: function () { self.show("h"); },
      moduleAction: function (m) { return self.openButton(m); },
      onAnswer: function (itemId, right, chosen) {
        var item = data.placement.content[itemId];
        var number = data.placement.engine.items.map(function (i) { return i.id; }).indexOf(itemId);
        self.call("answer", {
          screenId: "placement." + itemId,
          interaction: self.interaction("p" + number.toString(36)),
          activity: item,
          key: data.placement.key[itemId],
          answer: item.type === "single_choice" ? chosen[0] : chosen,
          correct: right,
          latencyMs: 0,
        });
      },
      onDone: function (outcome) {
        self.call("objectives", self.config.sequenced ? sequencingObjectives(outcome.results) : outcome.results);
        self.persist();
      },
    });
    T.quiz = quiz;
    quiz.start();
    if (moveFocus === false) return;
  };

  PathRunner.prototype.showModule = function (k, moveFocus) {
    var self = this;
    var module = this.data.modules[k];
    var back = h("button", { type: "button", class: "ts-button", lang: T.uiLang(), text: T.t("back_to_path"),
      onclick: function () { self.show("h"); } });
    var playerRoot = h("div", { class: "ts-player" });
    this.view.textContent = "";
    T.append(this.view, [h("div", { class: "ts-actions", "data-nospeak": true }, back),
      h("h2", { class: "ts-module-title", text: module.title }), playerRoot]);
    return loadModule(module).then(function (projection) {
      var player = new T.Player(playerRoot, projection, self.moduleAdapter(k, projection),
        { speechLang: self.config.speechLang, ownExit: false });
      T.player = player;
      return player.start().then(function () { if (moveFocus === false) back.blur(); });
    });
  };

  /** What a module played inside the path saves and reports, through the path. */
  PathRunner.prototype.moduleAdapter = function (k, projection) {
    var self = this;
    return {
      name: "path-module",
      start: function () {
        var saved = self.state.modules[k];
        return Promise.resolve({ state: saved ? saved.state : null, notice: null });
      },
      save: function (state, progress) {
        self.state.modules[k] = {
          state: state,
          completed: progress.completed,
          score: progress.score ? progress.score.raw : null,
        };
        self.persist();
      },
      answer: function (record) {
        var screen = projection.screens.map(function (s) { return s.id; }).indexOf(record.screenId);
        self.call("answer", Object.assign({}, record, {
          screenId: projection.id + "." + record.screenId,
          interaction: self.interaction(k.toString(36) + ":" + screen.toString(36)),
        }));
      },
    };
  };

  /**
   * For a multi-SCO package: two objectives per competence, mapped in the
   * manifest to the global objectives its sequencing rules read: "<c>-mastered"
   * (satisfied when the module can be skipped) and "<c>-basics" (satisfied
   * when the basic module is needed first).
   */
  function sequencingObjectives(results) {
    var out = [];
    results.forEach(function (r) {
      out.push({ competence: r.competence + "-mastered", decision: r.decision === "skip" ? "skip" : "remediation", p_mastery: r.p_mastery });
      out.push({ competence: r.competence + "-basics", decision: r.decision === "remediation" ? "skip" : "remediation", p_mastery: 1 - r.p_mastery });
    });
    return out;
  }

  /** In a sequenced package the path's progress is the placement's: done or skipped. */
  var baseProgress = PathRunner.prototype.progress;
  PathRunner.prototype.progress = function () {
    var progress = baseProgress.call(this);
    if (!this.config.sequenced) return progress;
    var done = !this.data.placement || this.state.done || this.state.skipped;
    return Object.assign(progress, { completed: done, score: null, seen: done ? 1 : 0, total: 1 });
  };

  T.PathRunner = PathRunner;

  /** Boot a path package page: [data-tisseuse-path] and the path data. */
  T.bootPath = function (config) {
    var root = document.querySelector("[data-tisseuse-path]");
    if (!root || root.getAttribute("data-started")) return;
    root.setAttribute("data-started", "true");
    var data = T.readJson("tisseuse-path");
    var factory = T.adapters[config.adapter] || T.adapters.web;
    T.runner = new PathRunner(root, data, factory(config), config);
    T.ready = T.runner.start();
  };
})(Tisseuse);
