/*
 * The player: one screen at a time, progress, activities, summary, resume.
 *
 * It knows nothing about storage or LMSs: everything leaving the player goes
 * through an adapter (web storage, SCORM 1.2, SCORM 2004, XBlock...):
 *
 *   adapter.start(info)        -> Promise<{state: string|null, notice: string|null}>
 *   adapter.save(state, progress)   after every change (state: compact string)
 *   adapter.answer(record)          an activity was checked (see record())
 *   adapter.progress(progress)      seen/total, completed, score, passed
 *   adapter.suspend()               the page is hidden (tab switched, screen locked)
 *   adapter.exit()                  the page is going away: save and close the session
 *   adapter.finish(progress)        the learner reached the summary
 *   adapter.evaluate(screenId, answer) optional -> Promise<evaluation>;
 *                                   without it the player uses the embedded key
 *
 * `info` is {moduleId, version, title, screens}; `progress` is described in
 * progressOf(). Adapters may be partial: missing methods are no-ops.
 */
(function (T) {
  "use strict";
  var h = T.h;

  var NOOP_ADAPTER = {
    start: function () { return Promise.resolve({ state: null, notice: null }); },
  };

  function Player(root, module, adapter, options) {
    this.root = root;
    this.module = module;
    if (module.lang) {
      // The content's language, whatever the page around it says (an LMS page
      // is in the learner's language); interface text marks its own.
      T.langs.content = module.lang;
      root.setAttribute("lang", module.lang);
    }
    this.key = module.key || {};
    this.adapter = adapter || NOOP_ADAPTER;
    this.options = options || {};
    this.state = T.state.empty(module);
    this.results = {};
    this.checking = null; // answers still being evaluated (a server, a slow network)
    this.widgets = {};
    this.shownAt = T.now();
    this.speech = new T.Speech(this.options.speechLang || module.lang);
  }

  Player.prototype.call = function (method) {
    var fn = this.adapter[method];
    if (typeof fn !== "function") return undefined;
    try {
      return fn.apply(this.adapter, Array.prototype.slice.call(arguments, 1));
    } catch (error) {
      if (window.console) console.error("Tisseuse adapter." + method + " failed", error);
      return undefined;
    }
  };

  /** Load the saved state, evaluate saved answers, show the current screen. */
  Player.prototype.start = function () {
    var self = this;
    var m = this.module;
    this.buildFrame();
    var started = this.call("start", { moduleId: m.id, version: m.version, title: m.title, screens: m.screens.length });
    return Promise.resolve(started || {}).then(function (saved) {
      var resumed = false;
      var notice = saved.notice || null;
      if (saved.state) {
        var decoded = T.state.decode(m, saved.state);
        self.state = decoded.state;
        resumed = decoded.reason === null;
        if (decoded.reason === "changed") notice = T.t("module_updated");
      }
      return self.evaluateSaved().then(function () {
        if (self.state.atEnd) self.showSummary(false);
        else self.show(self.state.index, false);
        if (resumed && !notice && (self.state.index > 0 || self.state.atEnd)) notice = T.t("resumed");
        if (notice) self.notify(notice, resumed);
        if (self.options.ownExit !== false) self.listenForExit(); // a path page listens itself
      });
    });
  };

  /** Re-evaluate answers restored from storage so results show again. */
  Player.prototype.evaluateSaved = function () {
    var self = this;
    var jobs = Object.keys(this.state.answers).map(function (screenId) {
      return self.evaluate(screenId, self.state.answers[screenId]).then(function (evaluation) {
        self.results[screenId] = evaluation;
      });
    });
    return Promise.all(jobs);
  };

  Player.prototype.evaluate = function (screenId, answer) {
    var adapted = this.call("evaluate", screenId, answer);
    if (adapted) return Promise.resolve(adapted);
    var activity = this.screenById(screenId).activity;
    return Promise.resolve(T.evaluate(activity, this.key[screenId], answer));
  };

  Player.prototype.screenById = function (id) {
    return this.module.screens.filter(function (s) { return s.id === id; })[0];
  };

  /* ---------- frame: progress bar, listen button, screen area, navigation ---------- */

  Player.prototype.buildFrame = function () {
    var self = this;
    var ui = T.uiLang();
    this.progressLabel = h("p", { class: "ts-progress-label", id: "ts-progress-label", lang: ui });
    this.progressBar = h("span", { class: "ts-progress-fill" });
    this.progress = h(
      "div",
      { class: "ts-progress", role: "progressbar", "aria-labelledby": "ts-progress-label", "aria-valuemin": "1" },
      this.progressBar
    );
    this.listen = h("button", {
      type: "button",
      class: "ts-button ts-listen",
      lang: ui,
      "aria-pressed": "false",
      onclick: function () { self.toggleSpeech(); },
    });
    this.noticeBox = h("div", { class: "ts-notice", role: "status", lang: ui });
    this.screenBox = h("div", { class: "ts-screen-box" });
    this.prev = h("button", { type: "button", class: "ts-button ts-prev", onclick: function () { self.back(); } });
    this.next = h("button", { type: "button", class: "ts-button ts-primary ts-next", onclick: function () { self.forward(); } });
    this.nav = h("nav", { class: "ts-nav", "aria-label": T.t("module_navigation"), lang: ui }, this.prev, this.next);
    this.root.textContent = "";
    T.append(this.root, [
      h("div", { class: "ts-topbar" }, h("div", { class: "ts-progress-wrap" }, this.progressLabel, this.progress), this.listen),
      this.noticeBox,
      this.screenBox,
      this.nav,
    ]);
    this.speech.onchange = function () { self.updateListen(); };
    this.updateListen();
  };

  Player.prototype.updateListen = function () {
    var available = this.speech.available();
    this.listen.disabled = !available;
    this.listen.setAttribute("aria-pressed", String(this.speech.speaking));
    this.listen.title = available ? "" : T.t("listen_unavailable");
    this.listen.textContent = "";
    T.append(this.listen, [
      T.icon(this.speech.speaking ? "stop" : "speaker"),
      this.speech.speaking ? T.t("stop_listening") : T.t("listen"),
    ]);
  };

  Player.prototype.toggleSpeech = function () {
    if (this.speech.speaking) this.speech.stop();
    else this.speech.speak(T.Speech.partsOf(this.screenBox, this.module.lang));
  };

  Player.prototype.notify = function (text, offerRestart) {
    var self = this;
    this.noticeBox.textContent = "";
    T.append(this.noticeBox, [
      h("p", { text: text }),
      offerRestart
        ? h("button", { type: "button", class: "ts-button ts-link", onclick: function () { self.restart(); }, text: T.t("start_over") })
        : null,
    ]);
  };

  /* ---------- screens ---------- */

  Player.prototype.show = function (index, moveFocus) {
    var m = this.module;
    var screen = m.screens[index];
    this.speech.stop();
    this.state.index = index;
    this.state.atEnd = false;
    this.state.seen[index] = true;
    this.shownAt = T.now();
    this.screenBox.textContent = "";
    // The first screen this page shows loads its image at once; later ones lazily.
    var first = !this.shownOnce;
    this.shownOnce = true;
    this.screenBox.appendChild(this.renderScreen(screen, index, first));
    this.updateNav();
    this.persist();
    if (moveFocus !== false) this.focusHeading();
  };

  Player.prototype.renderScreen = function (screen, index, eager) {
    var heading = h("h2", { class: "ts-screen-title", id: "ts-screen-title", tabindex: "-1", text: screen.title });
    var section = h("section", { class: "ts-screen", "aria-labelledby": "ts-screen-title", "data-screen": screen.id }, heading);
    if (screen.html) section.appendChild(h("div", { class: "ts-body", html: screen.html }));
    if (screen.image) section.appendChild(this.renderImage(screen.image, eager));
    if (screen.activity) section.appendChild(this.renderActivity(screen, index));
    if (screen.sources.length) section.appendChild(this.renderSources(screen.sources));
    return section;
  };

  /**
   * An image in the box its width and height reserve (nothing moves when it
   * arrives); a <picture> when it comes in two formats (WebP and a fallback).
   * `loading` and the <source>s are in place before src, so the browser
   * fetches one file, and only when it is needed.
   */
  Player.prototype.renderImage = function (image, eager) {
    var img = h("img", {
      loading: eager ? "eager" : "lazy",
      decoding: "async",
      alt: image.alt,
      width: image.width,
      height: image.height,
    });
    var sources = (image.sources || []).map(function (s) {
      return h("source", { type: s.type, srcset: s.srcset });
    });
    // The box keeps the attributes' ratio even once the file is in (its own
    // ratio may differ by a fraction of a pixel); CSSOM, which no CSP blocks.
    img.style.aspectRatio = image.width + " / " + image.height;
    var shown = sources.length ? h("picture", {}, sources, img) : img;
    if (image.srcset) img.setAttribute("srcset", image.srcset);
    img.setAttribute("src", image.src);
    return h("figure", { class: "ts-figure" }, shown, image.caption ? h("figcaption", { text: image.caption }) : null);
  };

  Player.prototype.renderSources = function (ids) {
    var byId = {};
    this.module.sources.forEach(function (s) { byId[s.id] = s; });
    var items = ids.map(function (id) {
      var s = byId[id];
      return h("li", {}, s.url ? h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", text: s.title }) : s.title);
    });
    return h("aside", { class: "ts-sources", "aria-labelledby": "ts-sources-title" },
      h("p", { class: "ts-sources-title", id: "ts-sources-title", lang: T.uiLang(), text: T.t("sources") }), h("ul", {}, items));
  };

  Player.prototype.updateNav = function () {
    var m = this.module;
    var total = m.screens.length;
    var atEnd = this.state.atEnd;
    var index = this.state.index;
    this.progressLabel.textContent = atEnd ? T.t("summary_title") : T.t("screen_of", { n: index + 1, total: total });
    this.progress.setAttribute("aria-valuemax", String(total));
    this.progress.setAttribute("aria-valuenow", String(atEnd ? total : index + 1));
    this.progressBar.style.width = Math.round(((atEnd ? total : index + 1) / total) * 100) + "%";
    this.prev.hidden = !atEnd && index === 0;
    this.prev.textContent = T.t("previous");
    this.next.hidden = atEnd;
    this.next.textContent = index === total - 1 ? T.t("finish") : T.t("next");
  };

  Player.prototype.focusHeading = function () {
    var heading = this.root.querySelector("#ts-screen-title");
    if (heading) heading.focus();
    if (this.root.scrollIntoView) this.root.scrollIntoView({ block: "start" });
  };

  /**
   * Next screen, or the summary after the last one. An answer still being
   * evaluated (the Open edX server over a slow network) is waited for first:
   * otherwise the summary would count it as not right and report that score.
   */
  Player.prototype.forward = function () {
    var self = this;
    if (this.checking) {
      if (!this.next.hasAttribute("aria-busy")) {
        this.next.setAttribute("aria-busy", "true");
        this.checking.then(function () {
          self.next.removeAttribute("aria-busy");
          self.forward();
        });
      }
      return;
    }
    if (this.state.index < this.module.screens.length - 1) this.show(this.state.index + 1);
    else this.showSummary(true);
  };

  /** Remember that `work` (checking an answer) is under way until it settles. */
  Player.prototype.track = function (work) {
    var self = this;
    var all = Promise.all([this.checking, work.catch(function () { return null; })]).then(function () {
      if (self.checking === all) self.checking = null;
    });
    this.checking = all;
    return work;
  };

  Player.prototype.back = function () {
    if (this.state.atEnd) this.show(this.module.screens.length - 1);
    else if (this.state.index > 0) this.show(this.state.index - 1);
  };

  Player.prototype.restart = function () {
    var interactions = this.state.interactions; // keep: LMS interaction n stays activity n
    this.state = T.state.empty(this.module);
    this.state.interactions = interactions;
    this.results = {};
    this.noticeBox.textContent = "";
    this.show(0);
  };

  T.Player = Player;
})(Tisseuse);
