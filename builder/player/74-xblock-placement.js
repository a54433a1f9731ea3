/*
 * Open edX: the placement quiz block's script. The server chooses each
 * question and scores each answer (xblocks/placement.py); this script shows
 * what the server returns: {status, question, outcome}.
 *
 *   status    "new", "running", "done" or "skipped"
 *   question  {id, content, number, max} while running
 *   outcome   {results, route, review} once done or skipped
 *
 * Every reply is announced on the block's element as a bubbling
 * "tisseuse:placement" event, so an enclosing path can update its route.
 */
(function (T) {
  "use strict";
  var h = T.h;

  function PlacementView(root, data, call, options) {
    this.root = root;
    this.data = data;
    this.call = call;
    this.options = options || {};
    this.speech = new T.Speech(data.speechLang || "fr-FR");
  }

  PlacementView.prototype.send = function (handler, body) {
    var self = this;
    body.version = this.data.version;
    this.busy(true);
    return this.call(handler, body).then(function (reply) {
      self.busy(false);
      self.apply(reply, true);
      self.root.dispatchEvent(new CustomEvent("tisseuse:placement", { bubbles: true, detail: reply }));
      // Skipped inside a path: the route is what the learner asked to see.
      if (handler === "skip" && self.options.pathAction) self.options.pathAction();
      return reply;
    }, function (error) {
      self.busy(false);
      T.xblockProblem(self.root.querySelector(".ts-feedback") || self.root, error);
    });
  };

  PlacementView.prototype.busy = function (on) {
    Array.prototype.forEach.call(this.root.querySelectorAll("button"), function (b) { b.disabled = on; });
  };

  PlacementView.prototype.apply = function (reply, moveFocus) {
    this.data.status = reply.status;
    this.data.question = reply.question;
    this.data.outcome = reply.outcome;
    if (reply.status === "running" && reply.question) this.ask(moveFocus);
    else if (reply.status === "done") this.results(moveFocus);
    else this.intro(moveFocus);
  };

  PlacementView.prototype.screen = function (title, moveFocus) {
    var self = this;
    this.speech.stop();
    var ui = T.uiLang();
    var heading = h("h2", { class: "ts-screen-title", tabindex: "-1", lang: ui, text: title });
    var section = h("section", { class: "ts-screen" }, heading);
    var listen = h("button", { type: "button", class: "ts-button ts-listen", "data-nospeak": true, lang: ui });
    function label() {
      listen.textContent = "";
      listen.disabled = !self.speech.available();
      listen.setAttribute("aria-pressed", String(self.speech.speaking));
      T.append(listen, [T.icon(self.speech.speaking ? "stop" : "speaker"), self.speech.speaking ? T.t("stop_listening") : T.t("listen")]);
    }
    listen.addEventListener("click", function () {
      self.speech.onchange = label;
      if (self.speech.speaking) self.speech.stop();
      else self.speech.speak(T.Speech.partsOf(section, T.langs.content));
    });
    label();
    this.progressLabel = h("p", { class: "ts-progress-label", lang: ui });
    this.root.textContent = "";
    T.append(this.root, [
      h("div", { class: "ts-topbar" }, h("div", { class: "ts-progress-wrap" }, this.progressLabel), listen),
      h("div", { class: "ts-notice", role: "status", lang: ui }, this.options.notice ? h("p", { text: this.options.notice }) : null),
      section,
    ]);
    this.options.notice = null;
    if (moveFocus !== false) heading.focus();
    return section;
  };

  PlacementView.prototype.intro = function (moveFocus) {
    var self = this;
    var max = this.data.maxItems;
    var section = this.screen(T.t("placement_title"), moveFocus);
    var ui = T.uiLang();
    T.append(section, [
      h("p", { lang: ui, text: T.t("placement_intro") }),
      h("p", { lang: ui, text: T.t("placement_length", { max: max, minutes: Math.max(1, Math.round(max * 40 / 60 / 2)) }) }),
      h("div", { class: "ts-actions", lang: ui },
        h("button", { type: "button", class: "ts-button ts-primary", text: T.t("placement_start"),
          onclick: function () { self.send("begin", {}); } }),
        this.data.status === "skipped" ? null : h("button", { type: "button", class: "ts-button", text: T.t("placement_skip"),
          onclick: function () { self.send("skip", {}); } })),
      h("div", { class: "ts-feedback", role: "status", lang: ui }),
    ]);
    if (this.data.status === "skipped" && this.data.outcome) this.route(section);
  };

  PlacementView.prototype.ask = function (moveFocus) {
    var self = this;
    var question = this.data.question;
    var item = question.content;
    var section = this.screen(T.t("question_number", { n: question.number }), moveFocus);
    this.progressLabel.textContent = T.t("question_of_at_most", { n: question.number, max: question.max });
    var widget = T.widgets[item.type](item, "ts-q-" + question.id, {});
    var status = h("div", { class: "ts-feedback", role: "status", lang: T.uiLang() });
    T.append(section, [
      item.situation ? h("div", { class: "ts-body", html: item.situation }) : null,
      h("div", { class: "ts-activity", "data-item": question.id }, widget.el,
        h("div", { class: "ts-actions", "data-nospeak": true, lang: T.uiLang() },
          h("button", { type: "button", class: "ts-button ts-primary ts-check", text: T.t("next"),
            onclick: function () {
              var answer = widget.answer();
              if (answer === null) { status.textContent = widget.missing; return; }
              self.send("answer", { item: question.id, answer: answer });
            } })),
        status),
    ]);
  };

  PlacementView.prototype.route = function (section) {
    var outcome = this.data.outcome;
    section.appendChild(h("h3", { lang: T.uiLang(), text: T.t("your_path") }));
    section.appendChild(T.renderRoute(outcome.route, this.data.modules, this.options.moduleAction, 4));
  };

  PlacementView.prototype.results = function (moveFocus) {
    var self = this;
    var outcome = this.data.outcome;
    var section = this.screen(T.t("placement_done"), moveFocus);
    section.appendChild(h("ul", { class: "ts-results" }, outcome.results.map(function (r) {
      var line = T.resultLine(r.title, r.decision);
      line.setAttribute("data-competence", r.competence);
      line.setAttribute("data-decision", r.decision);
      return line;
    })));
    this.route(section);
    section.appendChild(this.review(outcome.review));
    section.appendChild(h("div", { class: "ts-actions", "data-nospeak": true, lang: T.uiLang() },
      this.options.pathAction ? h("button", { type: "button", class: "ts-button ts-primary", text: T.t("see_my_path"),
        onclick: this.options.pathAction }) : null,
      h("button", { type: "button", class: "ts-button", text: T.t("placement_again"),
        onclick: function () { self.send("begin", {}); } })));
  };

  /** Every answer with its feedback (from the server, now that the quiz is over). */
  PlacementView.prototype.review = function (review) {
    var list = h("ol", { class: "ts-review" });
    review.forEach(function (entry) {
      var widget = T.widgets[entry.content.type](entry.content, "ts-r-" + entry.item, {});
      widget.restore(entry.answer);
      widget.showResult(entry.evaluation);
      list.appendChild(h("li", {}, entry.content.situation ? h("div", { class: "ts-body", html: entry.content.situation }) : null, widget.el));
    });
    return h("details", { class: "ts-details" }, h("summary", { lang: T.uiLang(), text: T.t("review_answers") }), list);
  };

  T.PlacementView = PlacementView;

  /** Runtime entry point of the placement block (see xblocks/placement.py). */
  window.TisseusePlacementXBlock = function (runtime, element) {
    element = T.xblockElement(element);
    var found = T.xblockData(element);
    var data = found.data;
    T.strings = Object.assign({}, T.strings, data.strings);
    T.setLangs(data);
    var mount = found.root.querySelector("[data-tisseuse-xblock-placement]");
    if (data.contentLang) mount.setAttribute("lang", data.contentLang);
    var call = function (handler, body) { return T.xblockCall(runtime, element, handler, body); };
    var options = {
      notice: data.notice ? T.t(data.notice) : null,
      pathAction: data.inPath ? function () {
        mount.dispatchEvent(new CustomEvent("tisseuse:show-path", { bubbles: true }));
      } : null,
    };
    var view = new PlacementView(mount, data, call, options);
    found.root.tisseusePlacement = view;
    view.apply(data, false);
  };
})(Tisseuse);
