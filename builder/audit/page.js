/*
 * In-page measurements for `tisseuse audit`. Evaluated by Playwright in the
 * audited document (never shipped in a package); defines window.__tsAudit.
 *
 * Every function returns plain JSON. Elements are named by a short CSS-like
 * description so a report reader can find them in the page.
 */
(function () {
  "use strict";
  if (window.__tsAudit) return;

  var CONTROLS = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "[tabindex]:not([tabindex='-1'])", "[role=button]", "[role=link]", "[role=checkbox]",
    "[role=radio]", "[role=tab]", "[role=menuitem]", "[contenteditable=true]",
  ].join(",");

  function describe(el) {
    var name = el.tagName.toLowerCase();
    if (el.id) return name + "#" + el.id;
    var classes = Array.prototype.slice.call(el.classList, 0, 2);
    var text = (el.getAttribute("aria-label") || el.textContent || el.value || "").trim().replace(/\s+/g, " ");
    return name + (classes.length ? "." + classes.join(".") : "") + (text ? " «" + text.slice(0, 40) + "»" : "");
  }

  function rendered(el) {
    if (el.closest("[hidden], [inert], [aria-hidden=true]")) return false;
    var style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") return false;
    return el.getClientRects().length > 0;
  }

  /** A control hidden visually on purpose (radio drawn by its label). */
  function visuallyHidden(el) {
    var r = el.getBoundingClientRect();
    var style = getComputedStyle(el);
    return r.width <= 2 || r.height <= 2 || Number(style.opacity) === 0;
  }

  /** The box a finger hits: a hidden input is hit through its label. */
  function hitBox(el) {
    var box = el.getBoundingClientRect();
    if ((el.tagName === "INPUT" || el.tagName === "SELECT" || el.tagName === "TEXTAREA") && el.labels) {
      for (var i = 0; i < el.labels.length; i++) {
        var r = el.labels[i].getBoundingClientRect();
        if (r.width * r.height > box.width * box.height) box = r;
      }
    }
    return box;
  }

  /** A link inside running text: exempt from target size (WCAG 2.5.5/2.5.8 "inline"). */
  function inlineInText(el) {
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    var parent = el.parentElement;
    if (!parent) return false;
    var own = (el.textContent || "").trim().length;
    var around = (parent.textContent || "").trim().length;
    return around > own + 1;
  }

  function controls() {
    var seen = 0;
    return Array.prototype.slice.call(document.querySelectorAll(CONTROLS)).filter(function (el) {
      return rendered(el) && !el.disabled;
    }).map(function (el) {
      if (!el.hasAttribute("data-ts-audit")) el.setAttribute("data-ts-audit", "c" + seen++);
      return el;
    });
  }

  /** Touch targets smaller than `min` CSS px in either direction. */
  function smallTargets(min) {
    var small = [];
    controls().forEach(function (el) {
      if (inlineInText(el)) return;
      if (visuallyHidden(el) && !(el.labels && el.labels.length)) return;
      var box = hitBox(el);
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        small.push({ node: describe(el), width: Math.round(box.width), height: Math.round(box.height) });
      }
    });
    return small;
  }

  /** Horizontal scrolling of the page, and boxes that clip their text. */
  function overflow() {
    var root = document.scrollingElement || document.documentElement;
    var clipped = [];
    Array.prototype.slice.call(document.body.querySelectorAll("*")).forEach(function (el) {
      if (!rendered(el) || !el.textContent.trim()) return;
      var style = getComputedStyle(el);
      var hides = /hidden|clip/.test(style.overflowX) || /hidden|clip/.test(style.overflowY);
      if (!hides || visuallyHidden(el)) return;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        clipped.push(describe(el));
      }
    });
    var wide = [];
    if (root.scrollWidth > root.clientWidth + 1) {
      // The innermost boxes that stick out on the right: the ones to fix.
      var sticking = Array.prototype.slice.call(document.body.querySelectorAll("*")).filter(function (el) {
        return rendered(el) && el.getBoundingClientRect().right > root.clientWidth + 1;
      });
      wide = sticking.filter(function (el) {
        return !sticking.some(function (other) { return other !== el && el.contains(other); });
      }).slice(0, 5).map(function (el) {
        return describe(el) + " (right edge at " + Math.round(el.getBoundingClientRect().right) + " px)";
      });
    }
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      clipped: clipped.slice(0, 10),
      wide: wide,
    };
  }

  /** Computed font size of the first paragraph of content, in px. */
  function textSize() {
    var p = document.querySelector("main p, .ts-body p, p");
    return p ? parseFloat(getComputedStyle(p).fontSize) : 0;
  }

  /** Everything that may show keyboard focus, for one element. */
  function focusLook(el) {
    var parts = [el].concat(el.labels ? Array.prototype.slice.call(el.labels) : []);
    if (el.parentElement) parts.push(el.parentElement);
    return parts.map(function (part) {
      var s = getComputedStyle(part);
      return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopColor,
        s.borderBottomColor, s.backgroundColor, s.color, s.textDecorationLine].join("|");
    }).join("‖");
  }

  /**
   * The controls a keyboard user must reach, with how each looks unfocused.
   * Radio buttons of one group count once: Tab enters a group, arrows move in it.
   */
  function keyboardTargets() {
    var groups = {};
    var wanted = [];
    controls().forEach(function (el) {
      if (el.tabIndex < 0 && !(el.type === "radio")) return;
      var key = el.type === "radio" && el.name ? "radio:" + el.name : el.getAttribute("data-ts-audit");
      if (groups[key]) { groups[key].ids.push(el.getAttribute("data-ts-audit")); return; }
      groups[key] = { key: key, node: describe(el), ids: [el.getAttribute("data-ts-audit")] };
      wanted.push(groups[key]);
    });
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    var looks = {};
    controls().forEach(function (el) { looks[el.getAttribute("data-ts-audit")] = focusLook(el); });
    window.__tsAudit.unfocused = looks;
    return wanted;
  }

  /** The control that has focus now, and whether its look changed. */
  function focused() {
    var el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    var id = el.getAttribute("data-ts-audit");
    var before = window.__tsAudit.unfocused[id];
    var r = el.getBoundingClientRect();
    var inView = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    return {
      id: id,
      node: describe(el),
      visibleChange: before === undefined ? true : before !== focusLook(el),
      inView: inView,
    };
  }

  /** Record each focus change from now on (one round trip for a whole Tab walk). */
  function startFocusLog() {
    var log = (window.__tsAudit.focusLog = []);
    if (window.__tsAudit.listening) return;
    window.__tsAudit.listening = true;
    document.addEventListener("focusin", function () {
      var now = focused();
      if (now) window.__tsAudit.focusLog.push(now);
    }, true);
    return log.length;
  }

  /** A digest of what is on screen: identical states are audited once. */
  function fingerprint() {
    var css = Array.prototype.map.call(document.styleSheets, function (sheet) {
      try { return Array.prototype.map.call(sheet.cssRules, function (r) { return r.cssText; }).join(""); }
      catch (e) { return sheet.href || ""; }
    }).join("");
    var clone = document.documentElement.cloneNode(true);
    Array.prototype.forEach.call(clone.querySelectorAll("[data-ts-audit]"), function (el) { el.removeAttribute("data-ts-audit"); });
    // Scripts and their data (adapter name, LMS settings) change no pixel.
    Array.prototype.forEach.call(clone.querySelectorAll("script"), function (el) { el.remove(); });
    var text = new TextEncoder().encode(clone.outerHTML + "\u0000" + css);
    // SHA-256 in the page: only 64 characters travel back, not the document
    return crypto.subtle.digest("SHA-256", text).then(function (digest) {
      return Array.prototype.map.call(new Uint8Array(digest), function (b) {
        return (b < 16 ? "0" : "") + b.toString(16);
      }).join("");
    });
  }

  /** What kinds of content the page holds (criteria that may not apply). */
  function inventory() {
    return {
      doctype: Boolean(document.doctype) && document.doctype.name.toLowerCase() === "html",
      frames: document.querySelectorAll("iframe, frame").length,
      media: document.querySelectorAll("video, audio, object, embed").length,
      tables: document.querySelectorAll("table").length,
    };
  }

  var SPACING = [["line-height", "1.5"], ["letter-spacing", "0.12em"], ["word-spacing", "0.16em"]];

  /**
   * WCAG 1.4.12 text spacing on every element (CSSOM, so a page's
   * Content-Security-Policy does not get in the way); off restores the page.
   */
  function textSpacing(on) {
    Array.prototype.forEach.call(document.body.querySelectorAll("*"), function (el) {
      SPACING.forEach(function (rule) {
        if (on) el.style.setProperty(rule[0], rule[1], "important");
        else el.style.removeProperty(rule[0]);
      });
      if (el.tagName === "P") {
        if (on) el.style.setProperty("margin-bottom", "2em", "important");
        else el.style.removeProperty("margin-bottom");
      }
    });
  }

  /** The user's text size: 2 doubles every rem/em-sized text, 1 restores. */
  function textZoom(factor) {
    if (factor === 1) document.documentElement.style.removeProperty("font-size");
    else document.documentElement.style.setProperty("font-size", factor * 100 + "%");
  }

  window.__tsAudit = {
    inventory: inventory,
    textSpacing: textSpacing,
    textZoom: textZoom,
    smallTargets: smallTargets,
    overflow: overflow,
    textSize: textSize,
    keyboardTargets: keyboardTargets,
    focused: focused,
    startFocusLog: startFocusLog,
    focusLog: [],
    fingerprint: fingerprint,
    unfocused: {},
  };
})();
