/*
 * Evaluate an answer against the activity's key (the "key" half of the module
 * projection). Returns:
 *   { correct: bool,          the whole answer is right
 *     message: string|null,   general feedback (ordering)
 *     marks: {id: {chosen, good, text, expected}} }  one entry per option,
 *                             step, item, tappable segment or scenario step
 * A server-side runtime returns the same shape from its own evaluation.
 */
(function (T) {
  "use strict";

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    var sorted = b.slice().sort();
    return a.slice().sort().every(function (x, i) { return x === sorted[i]; });
  }

  function choice(activity, key, answer) {
    var chosen = Array.isArray(answer) ? answer : [answer];
    var marks = {};
    activity.options.forEach(function (o) {
      var isChosen = chosen.indexOf(o.id) >= 0;
      var isRight = key.correct.indexOf(o.id) >= 0;
      marks[o.id] = { chosen: isChosen, good: isChosen === isRight, right: isRight, text: key.feedback[o.id] };
    });
    return { correct: sameSet(chosen, key.correct), message: null, marks: marks };
  }

  function ordering(activity, key, answer) {
    var marks = {};
    answer.forEach(function (id, position) {
      marks[id] = { chosen: true, good: key.order[position] === id, expected: key.order.indexOf(id) };
    });
    var correct = answer.length === key.order.length && answer.every(function (id, i) { return key.order[i] === id; });
    return {
      correct: correct,
      message: correct ? key.feedback.correct : key.feedback.incorrect,
      marks: marks,
      order: key.order,
    };
  }

  function categorise(activity, key, answer) {
    var marks = {};
    var correct = true;
    activity.items.forEach(function (item) {
      var good = answer[item.id] === key.answer[item.id];
      correct = correct && good;
      marks[item.id] = { chosen: answer[item.id], good: good, expected: key.answer[item.id], text: key.feedback[item.id] };
    });
    return { correct: correct, message: null, marks: marks };
  }

  function spot(activity, key, answer) {
    var marks = {};
    activity.segments.forEach(function (segment) {
      if (!segment.id) return;
      var isChosen = answer.indexOf(segment.id) >= 0;
      var isProblem = key.problems.indexOf(segment.id) >= 0;
      marks[segment.id] = { chosen: isChosen, good: isChosen === isProblem, right: isProblem, text: key.feedback[segment.id] };
    });
    return { correct: sameSet(answer, key.problems), message: null, marks: marks };
  }

  function scenario(activity, key, answer) {
    var steps = T.scenarioSteps(activity, answer) || [];
    var marks = {};
    var correct = steps.length > 0;
    steps.forEach(function (step) {
      var nodeKey = key.nodes[step.node.id];
      var good = nodeKey.correct.indexOf(step.choice.id) >= 0;
      correct = correct && good;
      marks[step.node.id + "/" + step.choice.id] = { chosen: true, good: good, text: nodeKey.feedback[step.choice.id] };
    });
    // The story has ended when the last choice leads nowhere or to an ending node.
    var last = steps[steps.length - 1];
    var after = last && last.choice.next
      ? activity.nodes.filter(function (n) { return n.id === last.choice.next; })[0]
      : null;
    var ended = Boolean(last) && (!after || after.choices.length === 0);
    return { correct: correct && ended, complete: ended, message: null, marks: marks };
  }

  var evaluators = {
    single_choice: choice,
    multiple_choice: choice,
    ordering: ordering,
    categorise: categorise,
    spot_the_problem: spot,
    scenario: scenario,
  };

  /**
   * An unscored activity (a reflection) has no right or wrong answer: its
   * evaluation is marked `neutral` and the player says so.
   */
  T.evaluate = function (activity, key, answer) {
    var evaluation = evaluators[activity.type](activity, key, answer);
    if (activity.scored === false) evaluation.neutral = true;
    return evaluation;
  };
})(Tisseuse);
