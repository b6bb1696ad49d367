// Remedy-page controls from the engine's registries: sliders within the option's bounds, configs with exactly
// the chosen kind's options, and the rows of unused options hidden.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {ACTIVATIONS} from "../../src/engine/activations.js";
import {OPTIMIZERS} from "../../src/engine/optimizers.js";
import type {OptimizerConfig} from "../../src/engine/types.js";
import {
  hideUnusedControls,
  kindControl,
  optionControl,
  strategyFromValues
} from "../../src/lib/strategy-controls.js";

describe("strategy controls", () => {
  it("lists every kind of the registry, shown by its label", () => {
    const control = kindControl(OPTIMIZERS, {label: "Optimizer", help: "h", value: "adam"});
    assert.deepEqual(control.param, {
      kind: "choice",
      values: ["sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw"]
    });
    assert.equal(control.format!("rmsprop"), "RMSprop");
  });

  it("takes a slider's scale from the option and refuses a range outside its bounds", () => {
    const lr = OPTIMIZERS.sgd.options.learningRate;
    const c = optionControl(lr, {help: "h", value: 0.01, range: [1e-4, 1]});
    assert.equal(c.input, "log");
    assert.deepEqual(c.param, {kind: "number", min: 1e-4, max: 1});
    // η's lower bound 0 is open (and a log slider cannot start at 0): it needs a range.
    assert.throws(() => optionControl(lr, {help: "h", value: 0.01}), /outside the option's bounds/);
    assert.throws(() => optionControl(lr, {help: "h", value: 0.01, range: [1e-4, 20]}), /outside/);
    assert.throws(() => optionControl(lr, {help: "h", value: 2, range: [1e-4, 1]}), /default 2 outside/);
    const slope = optionControl(ACTIVATIONS["leaky-relu"].options.slope, {
      help: "h",
      value: 0.01,
      step: 0.01
    });
    assert.deepEqual(
      [slope.input, slope.step, slope.param],
      ["range", 0.01, {kind: "number", min: 0, max: 1}]
    );
  });

  it("builds the chosen kind's config from its own options only", () => {
    const values = {
      optimizer: "rmsprop",
      learningRate: 0.001,
      momentum: 0.5,
      alpha: 0.9,
      eps: 1e-8,
      beta1: 0.9
    };
    assert.deepEqual(strategyFromValues<OptimizerConfig>(OPTIMIZERS, "rmsprop", values), {
      kind: "rmsprop",
      learningRate: 0.001,
      alpha: 0.9,
      eps: 1e-8
    });
    assert.deepEqual(strategyFromValues(ACTIVATIONS, "relu", {slope: 0.2}), {kind: "relu"});
  });

  it("hides the rows of options the kind does not have and shows the others", () => {
    const rows = Object.fromEntries(["momentum", "beta1", "eps"].map((k) => [k, {hidden: false}]));
    const element = {querySelector: (selector: string) => rows[selector.replace(".control-", "")] ?? null};
    hideUnusedControls(element as unknown as ParentNode, OPTIMIZERS, "adam", [
      "momentum",
      "beta1",
      "eps",
      "alpha"
    ]);
    assert.deepEqual(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.hidden])), {
      momentum: true,
      beta1: false,
      eps: false
    });
    hideUnusedControls(element as unknown as ParentNode, OPTIMIZERS, "momentum", [
      "momentum",
      "beta1",
      "eps"
    ]);
    assert.deepEqual([rows.momentum!.hidden, rows.beta1!.hidden], [false, true]);
    // Several kinds training at once: the options of any of them show.
    hideUnusedControls(element as unknown as ParentNode, OPTIMIZERS, ["sgd", "adam"], ["momentum", "beta1"]);
    assert.deepEqual([rows.momentum!.hidden, rows.beta1!.hidden], [true, false]);
    hideUnusedControls(
      element as unknown as ParentNode,
      OPTIMIZERS,
      ["momentum", "adam"],
      ["momentum", "beta1"]
    );
    assert.deepEqual([rows.momentum!.hidden, rows.beta1!.hidden], [false, false]);
  });
});
