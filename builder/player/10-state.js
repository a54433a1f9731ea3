/*
 * Learner state and its compact text form.
 *
 * The state is small and saved after every change, so the same string fits
 * browser storage, SCORM 1.2's 4096-character cmi.suspend_data and an XBlock
 * field. Answers are stored as indices into the module's lists:
 *
 *   1|<version:6>|<location>|<seen:hex>|<screen>:<answer>,...|<screen>.<screen>...
 *
 * location is a screen index (base 36) or "e" for the summary; seen is a
 * bit set of viewed screens (bit i = screen i, lowest first, as hex digits);
 * the last field lists activity screens in the order they were first answered:
 * an LMS records interaction n for the n-th of them (SCORM wants interactions
 * written in index order, whatever order the learner answers in);
 * an answer is dot-separated indices whose meaning depends on the activity:
 *   single_choice     option index          "2"
 *   multiple_choice   option indices        "0.2"
 *   ordering          step indices, in the learner's order   "2.0.1"
 *   categorise        category index per item ("_" = none)    "0.1.1"
 *   spot_the_problem  segment indices       "1.4"
 *   scenario          choice index at each step                "0.1"
 */
(function (T) {
  "use strict";

  var FORMAT = "1";

  /** A fresh state for a module. */
  function empty(module) {
    return {
      index: 0,
      atEnd: false,
      seen: module.screens.map(function () { return false; }),
      answers: {},
      interactions: [], // screen ids, in first-answered order
    };
  }

  function activityOf(module, screenIndex) {
    var screen = module.screens[screenIndex];
    return screen && screen.activity;
  }

  function ids(list) { return list.map(function (x) { return x.id; }); }

  /** Answer (ids) -> list of indices, per activity type. */
  function answerToIndices(activity, answer) {
    switch (activity.type) {
      case "single_choice":
        return [ids(activity.options).indexOf(answer)];
      case "multiple_choice":
        return answer.map(function (id) { return ids(activity.options).indexOf(id); }).sort();
      case "ordering":
        return answer.map(function (id) { return ids(activity.steps).indexOf(id); });
      case "categorise":
        var cats = ids(activity.categories);
        return activity.items.map(function (item) {
          return answer[item.id] === undefined ? "_" : cats.indexOf(answer[item.id]);
        });
      case "spot_the_problem":
        return answer.map(function (id) { return ids(activity.segments).indexOf(id); }).sort();
      case "scenario":
        return scenarioSteps(activity, answer).map(function (step) { return step.choiceIndex; });
    }
    return [];
  }

  /** Walk a scenario path of choice ids: [{node, choice, choiceIndex}]. */
  function scenarioSteps(activity, path) {
    var nodes = {};
    activity.nodes.forEach(function (n) { nodes[n.id] = n; });
    var steps = [];
    var node = activity.nodes[0];
    for (var i = 0; i < path.length && node; i++) {
      var index = ids(node.choices).indexOf(path[i]);
      if (index < 0) return null;
      var choice = node.choices[index];
      steps.push({ node: node, choice: choice, choiceIndex: index });
      node = choice.next ? nodes[choice.next] : null;
    }
    return steps.length === path.length ? steps : null;
  }
  T.scenarioSteps = scenarioSteps;

  /** Indices -> answer (ids); null when they do not fit the activity. */
  function indicesToAnswer(activity, parts) {
    function pick(list, i) { return list[Number(i)] ? list[Number(i)].id : null; }
    var result;
    switch (activity.type) {
      case "single_choice":
        return parts.length === 1 ? pick(activity.options, parts[0]) : null;
      case "multiple_choice":
        result = parts.map(function (i) { return pick(activity.options, i); });
        break;
      case "ordering":
        result = parts.map(function (i) { return pick(activity.steps, i); });
        if (result.length !== activity.steps.length) return null;
        break;
      case "spot_the_problem":
        result = parts.map(function (i) { return pick(activity.segments, i); });
        break;
      case "categorise":
        if (parts.length !== activity.items.length) return null;
        result = {};
        for (var k = 0; k < parts.length; k++) {
          if (parts[k] === "_") continue;
          var cat = pick(activity.categories, parts[k]);
          if (cat === null) return null;
          result[activity.items[k].id] = cat;
        }
        return result;
      case "scenario":
        return decodeScenario(activity, parts);
      default:
        return null;
    }
    return result.indexOf(null) >= 0 ? null : result;
  }

  function decodeScenario(activity, parts) {
    var nodes = {};
    activity.nodes.forEach(function (n) { nodes[n.id] = n; });
    var node = activity.nodes[0];
    var path = [];
    for (var i = 0; i < parts.length; i++) {
      var choice = node && node.choices[Number(parts[i])];
      if (!choice) return null;
      path.push(choice.id);
      node = choice.next ? nodes[choice.next] : null;
    }
    return path;
  }

  function encodeSeen(seen) {
    var hex = "";
    for (var i = 0; i < seen.length; i += 4) {
      var nibble = 0;
      for (var b = 0; b < 4; b++) if (seen[i + b]) nibble |= 1 << b;
      hex += nibble.toString(16);
    }
    return hex;
  }

  function decodeSeen(hex, count) {
    var seen = [];
    for (var i = 0; i < count; i++) {
      var nibble = parseInt(hex.charAt(i >> 2) || "0", 16);
      seen.push(Boolean(nibble & (1 << (i & 3))));
    }
    return seen;
  }

  /** State -> compact string. */
  function encode(module, state) {
    var answers = [];
    module.screens.forEach(function (screen, i) {
      var answer = state.answers[screen.id];
      if (screen.activity && answer !== undefined) {
        answers.push(i.toString(36) + ":" + answerToIndices(screen.activity, answer).join("."));
      }
    });
    var location = state.atEnd ? "e" : state.index.toString(36);
    var order = state.interactions.map(function (id) { return screenIndex(module, id).toString(36); });
    return [FORMAT, module.version.slice(0, 6), location, encodeSeen(state.seen), answers.join(","), order.join(".")].join("|");
  }

  function screenIndex(module, id) {
    for (var i = 0; i < module.screens.length; i++) if (module.screens[i].id === id) return i;
    return -1;
  }

  /**
   * Compact string -> state. Returns {state, reason}: reason is "changed" when
   * the module was updated since (the state is then reset), "invalid" for a
   * string that cannot be read, null when the state was restored.
   */
  function decode(module, text) {
    var parts = String(text || "").split("|");
    if (parts.length !== 6 || parts[0] !== FORMAT) return { state: empty(module), reason: "invalid" };
    if (parts[1] !== module.version.slice(0, 6)) return { state: empty(module), reason: "changed" };
    var state = empty(module);
    var count = module.screens.length;
    state.atEnd = parts[2] === "e";
    var index = parseInt(parts[2], 36);
    state.index = state.atEnd ? count - 1 : (index >= 0 && index < count ? index : 0);
    state.seen = decodeSeen(parts[3], count);
    (parts[4] ? parts[4].split(",") : []).forEach(function (entry) {
      var pair = entry.split(":");
      var screenIndex = parseInt(pair[0], 36);
      var activity = activityOf(module, screenIndex);
      if (!activity || pair.length !== 2) return;
      var answer = indicesToAnswer(activity, pair[1] === "" ? [] : pair[1].split("."));
      if (answer !== null) state.answers[module.screens[screenIndex].id] = answer;
    });
    (parts[5] ? parts[5].split(".") : []).forEach(function (token) {
      var screen = module.screens[parseInt(token, 36)];
      if (screen && screen.activity && state.interactions.indexOf(screen.id) < 0) state.interactions.push(screen.id);
    });
    return { state: state, reason: null };
  }

  T.state = { empty: empty, encode: encode, decode: decode };
})(Tisseuse);
