/*
 * Start the player on pages that hold one: an element [data-tisseuse-player],
 * the module projection in <script type="application/json" id="tisseuse-module">
 * and the page configuration in <script ... id="tisseuse-config">:
 *   { adapter: "web", strings: {...}, namespace: "...", contentLang: "fr",
 *     speechLang: "fr-FR", uiLang: "en", uiSpeechLang: "en-GB" }
 */
(function (T) {
  "use strict";

  function boot() {
    var config = T.readJson("tisseuse-config") || {};
    T.strings = config.strings || {};
    T.setLangs(config);
    if (T.markProgress) T.markProgress();
    if (T.bootQuiz) T.bootQuiz(config);
    if (T.bootRoute) T.bootRoute(config);
    if (T.bootPath) T.bootPath(config);
    var root = document.querySelector("[data-tisseuse-player]");
    if (!root || root.getAttribute("data-started")) return;
    root.setAttribute("data-started", "true");
    var module = T.readJson("tisseuse-module");
    var factory = T.adapters[config.adapter] || T.adapters.web;
    var adapter = factory(config);
    T.player = new T.Player(root, module, adapter, { speechLang: config.speechLang });
    T.ready = T.player.start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(Tisseuse);
