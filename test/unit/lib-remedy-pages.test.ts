// The activations, optimizers and normalization pages' specs: the study's remedy configs come out of the defaults, every
// registry kind is offered, labels name the settings, and each preset gives a valid config.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {presetByName} from "../../src/engine/presets.js";
import {
  ACTIVATIONS_SPEC,
  activationFromValues,
  activationLabel,
  everyActivationCurve
} from "../../src/lib/activations.js";
import {OPTIMIZERS_SPEC, OPTIMIZER_PRESETS, optimizerLabel} from "../../src/lib/optimizers.js";
import {
  NORMALIZATION_PRESETS,
  NORMALIZATION_SPEC,
  normalizationFromValues
} from "../../src/lib/normalization.js";
import {defaultValues, remedyRuns, searchFor, valuesFromUrl} from "../../src/lib/remedy-spec.js";

// The live budget (images, epochs, snapshot spacing) differs from the 100-epoch preset; nothing else may.
const withoutBudget = ({epochs: _e, trainSize: _t, snapshotEvery: _s, ...rest}: TrainConfig) => rest;

describe("activations page", () => {
  it("defaults to the study's ReLU run against the baseline, on the same budget", () => {
    const [remedy, baseline] = remedyRuns(ACTIVATIONS_SPEC, defaultValues(ACTIVATIONS_SPEC));
    assert.deepEqual(withoutBudget(remedy!.config), withoutBudget(presetByName("relu").config));
    assert.deepEqual(withoutBudget(baseline!.config), withoutBudget(presetByName("baseline").config));
    assert.deepEqual([remedy!.label, baseline!.label], ["ReLU", "Baseline (sigmoid)"]);
    assert.equal(remedy!.config.epochs, baseline!.config.epochs);
  });

  it("passes the option of the chosen activation only, and names it", () => {
    const values = {activation: "leaky-relu", slope: 0.2, alpha: 3};
    assert.deepEqual(activationFromValues(values), {kind: "leaky-relu", slope: 0.2});
    assert.equal(activationLabel({kind: "leaky-relu", slope: 0.2}), "Leaky ReLU, slope 0.2");
    assert.equal(activationLabel({kind: "elu", alpha: 1}), "ELU, α 1");
    assert.deepEqual(activationFromValues({...values, activation: "maxout"}), {kind: "maxout"});
  });

  it("round-trips an activation through the URL and gives valid configs for every activation", () => {
    const values = {...defaultValues(ACTIVATIONS_SPEC), activation: "elu", alpha: 2.5};
    const search = searchFor(ACTIVATIONS_SPEC, values);
    assert.equal(search, "?activation=elu&alpha=2.5");
    assert.deepEqual(valuesFromUrl(ACTIVATIONS_SPEC, search).values, values);
    for (const activation of (ACTIVATIONS_SPEC.controls.activation!.param as {values: readonly string[]})
      .values)
      for (const run of remedyRuns(ACTIVATIONS_SPEC, {...values, activation}))
        validateConfig(run.config, 60000);
  });

  it("plots all nine activations, maxout as |z|", () => {
    const curves = everyActivationCurve();
    assert.equal(curves.length, 9);
    const maxout = curves.find((c) => c.label.startsWith("Maxout"))!;
    assert.deepEqual([maxout.points[0]!.f, maxout.points[0]!.z], [4, -4]);
  });
});

describe("optimizers page", () => {
  it("defaults to the study's Adam run against the baseline", () => {
    const [remedy, baseline] = remedyRuns(OPTIMIZERS_SPEC, defaultValues(OPTIMIZERS_SPEC));
    assert.deepEqual(withoutBudget(remedy!.config), withoutBudget(presetByName("adam").config));
    assert.deepEqual(withoutBudget(baseline!.config), withoutBudget(presetByName("baseline").config));
    assert.deepEqual([remedy!.label, baseline!.label], ["Adam, η 0.001", "Baseline (SGD, η 0.01)"]);
  });

  it("has a preset per optimizer whose config is valid, the SGD family at η = 0.01", () => {
    assert.equal(OPTIMIZER_PRESETS.length, 7);
    for (const preset of OPTIMIZER_PRESETS) {
      const values = {...defaultValues(OPTIMIZERS_SPEC), ...preset.values};
      const [remedy] = remedyRuns(OPTIMIZERS_SPEC, values);
      validateConfig(remedy!.config, 60000);
      assert.equal(preset.label, optimizerLabel(remedy!.config.optimizer));
    }
    const labels = OPTIMIZER_PRESETS.map((p) => p.label);
    assert.ok(labels.includes("Momentum, η 0.01") && labels.includes("RMSprop, η 0.01"), labels.join(", "));
  });

  it("falls back on an invalid optimizer or learning rate with a notice", () => {
    const {values, problems} = valuesFromUrl(OPTIMIZERS_SPEC, "?optimizer=lbfgs&learningRate=5");
    assert.equal(values.optimizer, "adam");
    assert.equal(values.learningRate, 0.001);
    assert.equal(problems.length, 2);
  });
});

describe("normalization page", () => {
  it("defaults to the study's BatchNorm run, then standardization and LayerNorm, then the baseline", () => {
    const runs = remedyRuns(NORMALIZATION_SPEC, defaultValues(NORMALIZATION_SPEC));
    const [remedy, standardize, layernorm, baseline] = runs;
    assert.deepEqual(withoutBudget(remedy!.config), withoutBudget(presetByName("batchnorm").config));
    assert.deepEqual(withoutBudget(standardize!.config), withoutBudget(presetByName("standardize").config));
    assert.deepEqual(withoutBudget(baseline!.config), withoutBudget(presetByName("baseline").config));
    assert.deepEqual(
      runs.map((r) => r.label),
      ["Batch norm", "Standardize (the study's)", "Layer norm", "Baseline (no normalization)"]
    );
    // The three layers differ in the normalization alone: same seeds, images, budget and init.
    for (const other of [standardize!, layernorm!])
      assert.deepEqual({...other.config, normalization: null}, {...remedy!.config, normalization: null});
    assert.deepEqual(layernorm!.config.normalization, {kind: "layernorm", eps: 1e-5});
  });

  it("trains the chosen layer alone against the baseline with ?compare=one, and stays within four runs", () => {
    const values = {...defaultValues(NORMALIZATION_SPEC), normalization: "layernorm"};
    const one = remedyRuns(NORMALIZATION_SPEC, {...values, compare: "one"});
    assert.deepEqual(
      one.map((r) => r.label),
      ["Layer norm", "Baseline (no normalization)"]
    );
    const all = remedyRuns(NORMALIZATION_SPEC, values).map((r) => r.label);
    assert.deepEqual(all, [
      "Layer norm",
      "Batch norm",
      "Standardize (the study's)",
      "Baseline (no normalization)"
    ]);
    const none = remedyRuns(NORMALIZATION_SPEC, {...values, normalization: "none"}).map((r) => r.label);
    assert.deepEqual(none, [
      "No normalization",
      "Batch norm",
      "Standardize (the study's)",
      "Baseline (no normalization)"
    ]);
    assert.deepEqual(valuesFromUrl(NORMALIZATION_SPEC, "?compare=two").problems.length, 1);
  });

  it("offers BatchNorm, the study's standardization and LayerNorm, each a valid config with its own options", () => {
    assert.deepEqual(
      NORMALIZATION_PRESETS.map((p) => p.label),
      ["Batch norm", "Standardize (the study's)", "Layer norm"]
    );
    const configs = NORMALIZATION_PRESETS.map((preset) => {
      const [remedy] = remedyRuns(NORMALIZATION_SPEC, {
        ...defaultValues(NORMALIZATION_SPEC),
        ...preset.values
      });
      validateConfig(remedy!.config, 60000);
      return remedy!.config.normalization;
    });
    assert.deepEqual(configs[1], presetByName("standardize").config.normalization);
    assert.deepEqual(configs[2], {kind: "layernorm", eps: 1e-5});
    assert.deepEqual(normalizationFromValues({normalization: "none", momentum: 0.1, eps: 1e-5}), {
      kind: "none"
    });
  });
});
