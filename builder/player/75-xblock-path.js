/*
 * Open edX: the path container's script, and the Studio edit form.
 *
 * The path block renders its children (the placement quiz and the module
 * blocks) in hidden slots and shows the learner's route: recommended modules
 * in order with their reason, then the optional ones, all of them open.
 * Opening a module shows its slot and starts its player; going back asks the
 * server for the route and progress again (`route` handler). What is open is
 * remembered on the server (`open` handler), so a reload lands there.
 */
(function (T) {
  "use strict";
  var h = T.h;

  function PathView(root, data, call) {
    var self = this;
    this.root = root;
    this.data = data;
    this.call = call;
    this.progress = data.progress;
    this.box = root.querySelector("[data-tisseuse-xblock-path]");
    this.slots = {};
    Array.prototype.forEach.call(root.querySelectorAll(".ts-path-slot"), function (slot) {
      self.slots[slot.getAttribute("data-slot")] = slot;
    });
    root.addEventListener("tisseuse:placement", function () { self.refresh(false); });
    root.addEventListener("tisseuse:show-path", function () { self.showRoute(true); });
  }

  PathView.prototype.hideAll = function () {
    var slots = this.slots;
    Object.keys(slots).forEach(function (name) { slots[name].hidden = true; });
    this.box.hidden = true;
  };

  PathView.prototype.refresh = function (render) {
    var self = this;
    return this.call("route", {}).then(function (progress) {
      self.progress = progress;
      if (render) self.renderRoute(false);
    }, function (error) { T.xblockProblem(self.box, error); });
  };

  PathView.prototype.showRoute = function (moveFocus) {
    var self = this;
    this.hideAll();
    this.box.textContent = ""; // never show a route the server has not confirmed
    this.box.setAttribute("aria-busy", "true");
    this.box.hidden = false;
    this.call("open_view", { view: "" }).catch(function () { return null; });
    return this.refresh(false).then(function () {
      self.box.removeAttribute("aria-busy");
      self.renderRoute(moveFocus);
    });
  };

  PathView.prototype.renderRoute = function (moveFocus) {
    var self = this;
    var p = this.progress;
    var path = this.data.path;
    if (this.data.contentLang) T.langs.content = this.data.contentLang; // back from a module
    var ui = T.uiLang();
    var heading = h("h2", { class: "ts-screen-title", tabindex: "-1", text: path.title });
    var section = h("section", { class: "ts-screen", lang: this.data.contentLang }, heading, h("p", { class: "ts-lead", text: path.audience }));
    if (p.placement === "new" || p.placement === "skipped" || p.placement === "running") {
      section.appendChild(h("div", { class: "ts-actions", lang: ui },
        h("button", { type: "button", class: "ts-button ts-primary", "data-open": "placement", text: T.t("placement_cta"),
          onclick: function () { self.open("placement"); } })));
    } else if (p.placement === "done") {
      section.appendChild(h("p", { lang: ui }, T.t("path_from_placement") + " ",
        h("button", { type: "button", class: "ts-button ts-link", "data-open": "placement", text: T.t("placement_done"),
          onclick: function () { self.open("placement"); } })));
    }
    section.appendChild(h("p", { class: "ts-progress-label", lang: ui, text: T.t("path_progress", { done: p.done, total: p.total }) }));
    if (p.completed) {
      section.appendChild(h("p", { class: "ts-score", lang: ui, text: T.t("path_done_score", { raw: Math.round(p.grade * 100) }) }));
    }
    section.appendChild(T.renderRoute(p.route, path.modules, function (m) { return self.openButton(m); }, 3));
    this.box.textContent = "";
    this.box.appendChild(section);
    if (moveFocus !== false) heading.focus();
  };

  PathView.prototype.openButton = function (m) {
    var self = this;
    var state = this.progress.modules[m.id];
    if (!this.slots[m.id]) return h("span", { class: "ts-card-title", text: m.title });
    var label = !state || !state.started ? T.t("module_start") : state.completed ? T.t("module_review") : T.t("module_resume");
    return h("button", { type: "button", class: "ts-button ts-link ts-card-title", "data-open": m.id,
      "aria-label": T.t("action_on", { action: label, title: m.title }), onclick: function () { self.open(m.id); } },
      m.title, state && state.completed ? [" — ", T.ui(T.t("progress_done"))] : null);
  };

  /** Show the placement quiz or a module in place of the route. */
  PathView.prototype.open = function (name, moveFocus) {
    var self = this;
    var slot = this.slots[name];
    if (!slot) return this.showRoute(moveFocus);
    this.hideAll();
    this.call("open_view", { view: name }).catch(function () { return null; });
    if (!slot.querySelector(".ts-path-back")) {
      var module = this.data.path.modules.filter(function (m) { return m.id === name; })[0];
      slot.insertBefore(h("div", { class: "ts-actions ts-path-back", "data-nospeak": true },
        h("button", { type: "button", class: "ts-button", lang: T.uiLang(), text: T.t("back_to_path"),
          onclick: function () { self.showRoute(true); } }),
        module ? h("h2", { class: "ts-module-title", lang: this.data.contentLang, text: module.title }) : null), slot.firstChild);
    }
    slot.hidden = false;
    var child = slot.querySelector(".tisseuse-xblock");
    var started = child && child.tisseuseStart ? child.tisseuseStart() : Promise.resolve();
    return Promise.resolve(started).then(function () {
      var back = slot.querySelector(".ts-path-back button");
      if (moveFocus !== false && back) back.focus();
    });
  };

  T.PathView = PathView;

  /** Runtime entry point of the path block (see xblocks/path.py). */
  window.TisseusePathXBlock = function (runtime, element) {
    element = T.xblockElement(element);
    var found = T.xblockData(element);
    var data = found.data;
    T.strings = Object.assign({}, T.strings, data.strings);
    T.setLangs(data);
    var call = function (handler, body) { return T.xblockCall(runtime, element, handler, body); };
    var view = new PathView(found.root, data, call);
    found.root.tisseusePath = view;
    if (data.view && view.slots[data.view]) view.ready = view.open(data.view, false);
    else { view.renderRoute(false); view.ready = Promise.resolve(); }
  };

  /** Studio: the edit form (see xblocks/studio.py). */
  window.TisseuseStudioXBlock = function (runtime, element) {
    element = T.xblockElement(element);
    var form = element.querySelector("form[data-tisseuse-studio]");
    var status = form.querySelector(".ts-feedback");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = {};
      Array.prototype.forEach.call(form.elements, function (field) { if (field.name) body[field.name] = field.value; });
      if (runtime.notify) runtime.notify("save", { state: "start" });
      T.xblockCall(runtime, element, "studio_submit", body).then(function () {
        status.textContent = "";
        if (runtime.notify) runtime.notify("save", { state: "end" });
      }, function (error) {
        status.textContent = error.error;
        if (runtime.notify) runtime.notify("error", { title: "Tisseuse", message: error.error });
      });
    });
  };
})(Tisseuse);
