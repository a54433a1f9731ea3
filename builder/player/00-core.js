/*
 * Tisseuse player: core helpers shared by every part of the player.
 * Dependency-free, no network access, ES2017. The build concatenates the
 * files of this folder in name order into one script per target.
 */
var Tisseuse = (window.Tisseuse = window.Tisseuse || {});

(function (T) {
  "use strict";

  /**
   * Create an element. Attributes named on* become listeners; `text` sets
   * textContent; `html` sets innerHTML (only for HTML rendered by the builder);
   * other values become attributes (true -> "", false/null -> absent).
   */
  T.h = function (tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === false || value === null || value === undefined) return;
      if (name.slice(0, 2) === "on") el.addEventListener(name.slice(2), value);
      else if (name === "text") el.textContent = value;
      else if (name === "html") el.innerHTML = value;
      else el.setAttribute(name, value === true ? "" : String(value));
    });
    for (var i = 2; i < arguments.length; i++) T.append(el, arguments[i]);
    return el;
  };

  /** Append children: nodes, strings (as text) or arrays of them; skip nulls. */
  T.append = function (parent, child) {
    if (child === null || child === undefined || child === false) return parent;
    if (Array.isArray(child)) {
      child.forEach(function (c) { T.append(parent, c); });
    } else {
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  };

  /** UI strings come from the page (message catalogue chosen at build time). */
  T.strings = {};
  T.t = function (key, vars) {
    var text = T.strings[key];
    if (text === undefined) return key;
    return text.replace(/\{(\w+)\}/g, function (_, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : "{" + name + "}";
    });
  };

  /**
   * Languages: `ui` of the interface strings (chosen at build time, or the
   * Open edX learner's), `content` of what is on screen (a module's own).
   * When they differ, interface text carries its own lang attribute so that
   * screen readers switch voice (WCAG 3.1.2, RGAA 8.7). `speech` maps a
   * language to the speech-synthesis voice that reads it.
   */
  T.langs = { ui: "", content: "", speech: {} };

  function primary(tag) { return String(tag || "").split("-")[0].toLowerCase(); }
  T.primaryLang = primary;

  /** Take the languages from a page or block configuration. */
  T.setLangs = function (config) {
    var speech = {};
    if (config.contentLang) speech[primary(config.contentLang)] = config.speechLang;
    if (config.uiLang && config.uiSpeechLang) speech[primary(config.uiLang)] = config.uiSpeechLang;
    T.langs = { ui: config.uiLang || "", content: config.contentLang || "", speech: speech };
  };

  /** The lang attribute of interface text: the UI language if the content's differs, else null (none). */
  T.uiLang = function () {
    var langs = T.langs;
    return langs.ui && langs.content && primary(langs.ui) !== primary(langs.content) ? langs.ui : null;
  };

  /** The lang attribute of content inside interface text (the reverse of uiLang). */
  T.contentLang = function () { return T.uiLang() ? T.langs.content : null; };

  /** Interface text among content: in a <span lang> when the languages differ. */
  T.ui = function (text) {
    var lang = T.uiLang();
    return lang ? T.h("span", { lang: lang, text: text }) : text;
  };

  /** A label's colon in the typography of `lang`: French puts a space before it. */
  T.colon = function (lang) { return primary(lang) === "fr" ? " :" : ":"; };

  /** Adapters connect the player to where state lives (see 50-player.js). */
  T.adapters = {};
  T.registerAdapter = function (name, factory) { T.adapters[name] = factory; };

  var ICONS = {
    speaker: "M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z",
    stop: "M6 6h12v12H6z",
  };

  /** A decorative inline SVG icon (no icon font, no download). */
  T.icon = function (name) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("class", "ts-icon");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  };

  /** Scroll an element into view, gently unless the learner asked for less motion. */
  T.reveal = function (element) {
    if (!element.scrollIntoView) return;
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ block: "nearest", behavior: reduce ? "auto" : "smooth" });
  };

  /** Milliseconds since page load (monotonic), for latencies. */
  T.now = function () { return window.performance ? performance.now() : Date.now(); };

  /** Read a JSON <script> block by id; null if absent. */
  T.readJson = function (id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  };
})(Tisseuse);
