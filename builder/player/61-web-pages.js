/*
 * Web preview pages around the player: the placement quiz page and the
 * personalised path on a path page. Results stay in this browser's storage.
 */
(function (T) {
  "use strict";
  var h = T.h;

  function jsonStore(key) {
    return {
      load: function () {
        try { return JSON.parse(T.WebStorage.read(key) || "null"); } catch (e) { return null; }
      },
      save: function (value) { T.WebStorage.write(key, JSON.stringify(value)); },
    };
  }

  function keys(namespace, pathId) {
    return {
      quiz: T.WebStorage.key(namespace, "placement:" + pathId),
      route: T.WebStorage.key(namespace, "route:" + pathId),
    };
  }

  function moduleLink(m) {
    return h("a", { class: "ts-card-title", href: m.href, text: m.title });
  }

  /** The "Où en suis-je ?" page. */
  T.bootQuiz = function (config) {
    var root = document.querySelector("[data-tisseuse-quiz]");
    if (!root) return;
    var data = T.readJson("tisseuse-placement");
    var k = keys(config.namespace, data.path.id);
    var routes = jsonStore(k.route);
    var quiz = new T.Quiz(root, data, jsonStore(k.quiz), {
      speechLang: config.speechLang,
      pathHref: data.path.href,
      skipHref: data.path.href,
      moduleAction: moduleLink,
      onDone: function (outcome) {
        routes.save({ version: data.version, route: outcome.route, decisions: outcome.decisions });
      },
    });
    T.quiz = quiz;
    quiz.start();
  };

  /** On a path page: the learner's own route, if they took the quiz here. */
  T.bootRoute = function (config) {
    var root = document.querySelector("[data-tisseuse-route]");
    if (!root) return;
    var data = T.readJson("tisseuse-route-data");
    var saved = jsonStore(keys(config.namespace, data.path).route).load();
    if (!saved || saved.version !== data.version) return;
    root.textContent = "";
    T.append(root, [
      h("h2", { lang: T.uiLang(), text: T.t("your_path") }),
      h("p", { class: "ts-lead", lang: T.uiLang(), text: T.t("path_from_placement") }),
      T.renderRoute(saved.route, data.modules, moduleLink, 3),
    ]);
  };
})(Tisseuse);
