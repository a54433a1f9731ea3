/*
 * Read-aloud with the browser's own speech synthesis (no network, no download).
 * Text is spoken sentence by sentence: long utterances are cut off by some
 * engines, and short ones let "stop" react at once. The content is read with
 * the content language's voice; interface text in another language (its own
 * lang attribute) with that language's voice.
 */
(function (T) {
  "use strict";

  function Speech(lang) {
    this.lang = lang || "fr-FR";
    this.synth = window.speechSynthesis || null;
    this.speaking = false;
    this.onchange = function () {};
  }

  Speech.prototype.available = function () {
    return Boolean(this.synth && window.SpeechSynthesisUtterance);
  };

  /** The voice tag for text in `lang` (a page language such as "en"). */
  Speech.prototype.tagFor = function (lang) {
    if (!lang || T.primaryLang(lang) === T.primaryLang(this.lang)) return this.lang;
    return T.langs.speech[T.primaryLang(lang)] || lang;
  };

  Speech.prototype.voice = function (tag) {
    var prefix = T.primaryLang(tag || this.lang);
    var voices = this.synth.getVoices ? this.synth.getVoices() : [];
    return voices.filter(function (v) { return v.lang && T.primaryLang(v.lang) === prefix; })[0] || null;
  };

  /** Split text into sentences (keeps the punctuation). */
  Speech.sentences = function (text) {
    var parts = String(text).replace(/\s+/g, " ").match(/[^.!?…]+[.!?…]*\s*/g) || [];
    return parts.map(function (s) { return s.trim(); }).filter(Boolean);
  };

  /** Speak `text`: a string in the content language, or parts [{text, lang}] (see partsOf). */
  Speech.prototype.speak = function (text) {
    if (!this.available()) return;
    this.stop();
    var self = this;
    var parts = typeof text === "string" ? [{ text: text, lang: null }] : text;
    var queue = [];
    parts.forEach(function (part) {
      var tag = self.tagFor(part.lang);
      Speech.sentences(part.text).forEach(function (sentence) { queue.push({ text: sentence, tag: tag }); });
    });
    this.speaking = queue.length > 0;
    queue.forEach(function (item, i) {
      var utterance = new SpeechSynthesisUtterance(item.text);
      var voice = self.voice(item.tag);
      utterance.lang = item.tag;
      utterance.rate = 0.95;
      if (voice) utterance.voice = voice;
      if (i === queue.length - 1) {
        utterance.onend = utterance.onerror = function () { self.speaking = false; self.onchange(); };
      }
      self.synth.speak(utterance);
    });
    this.onchange();
  };

  Speech.prototype.stop = function () {
    if (!this.available()) return;
    var was = this.speaking;
    this.speaking = false;
    this.synth.cancel();
    if (was) this.onchange();
  };

  /** What a screen reads: its visible text, minus controls marked data-nospeak. */
  function readable(element) {
    var copy = element.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[data-nospeak], [hidden], [aria-hidden=true]"), function (n) {
      n.remove();
    });
    // Each block ends a sentence, so the voice pauses between blocks.
    Array.prototype.forEach.call(copy.querySelectorAll("p, li, h2, h3, legend, label, button, q, figcaption"), function (n) {
      var text = n.textContent.trim();
      n.appendChild(document.createTextNode(/[.!?…:;»]$/.test(text) || !text ? " " : ". "));
    });
    return copy;
  }

  Speech.textOf = function (element) {
    return readable(element).textContent.replace(/\s+/g, " ").trim();
  };

  /**
   * The same text as runs of one language each: [{text, lang}], `lang` being
   * the nearest lang attribute inside `element`, else `lang` (the content's).
   */
  Speech.partsOf = function (element, lang) {
    var copy = readable(element);
    var walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    var parts = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var owner = node.parentElement.closest("[lang]");
      var runLang = owner && copy.contains(owner) ? owner.getAttribute("lang") : lang || null;
      var last = parts[parts.length - 1];
      if (last && last.lang === runLang) last.text += node.data;
      else parts.push({ text: node.data, lang: runLang });
    }
    return parts
      .map(function (p) { return { text: p.text.replace(/\s+/g, " ").trim(), lang: p.lang }; })
      .filter(function (p) { return p.text; });
  };

  T.Speech = Speech;
})(Tisseuse);
