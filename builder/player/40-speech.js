/*
 * Read-aloud with the browser's own speech synthesis (no network, no download).
 * Text is spoken sentence by sentence: long utterances are cut off by some
 * engines, and short ones let "stop" react at once.
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

  Speech.prototype.voice = function () {
    var prefix = this.lang.slice(0, 2);
    var voices = this.synth.getVoices ? this.synth.getVoices() : [];
    return voices.filter(function (v) { return v.lang && v.lang.slice(0, 2) === prefix; })[0] || null;
  };

  /** Split text into sentences (keeps the punctuation). */
  Speech.sentences = function (text) {
    var parts = String(text).replace(/\s+/g, " ").match(/[^.!?…]+[.!?…]*\s*/g) || [];
    return parts.map(function (s) { return s.trim(); }).filter(Boolean);
  };

  Speech.prototype.speak = function (text) {
    if (!this.available()) return;
    this.stop();
    var self = this;
    var sentences = Speech.sentences(text);
    var voice = this.voice();
    this.speaking = sentences.length > 0;
    sentences.forEach(function (sentence, i) {
      var utterance = new SpeechSynthesisUtterance(sentence);
      utterance.lang = self.lang;
      utterance.rate = 0.95;
      if (voice) utterance.voice = voice;
      if (i === sentences.length - 1) {
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

  /** The text a screen reads: visible text, minus controls marked data-nospeak. */
  Speech.textOf = function (element) {
    var copy = element.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("[data-nospeak], [hidden], [aria-hidden=true]"), function (n) {
      n.remove();
    });
    // Each block ends a sentence, so the voice pauses between blocks.
    Array.prototype.forEach.call(copy.querySelectorAll("p, li, h2, h3, legend, label, button, q, figcaption"), function (n) {
      var text = n.textContent.trim();
      n.appendChild(document.createTextNode(/[.!?…:;»]$/.test(text) || !text ? " " : ". "));
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  };

  T.Speech = Speech;
})(Tisseuse);
