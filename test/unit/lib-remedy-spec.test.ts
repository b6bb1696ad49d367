// A remedy page's spec → URL → configs: defaults, invalid values with their notices, the URL round trip, and
// the remedy and baseline runs differing in the remedy alone, on one budget.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {BASELINE_CONFIG, validateConfig} from "../../src/engine/config.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {INITIALIZATION_SPEC as spec} from "../../src/lib/initialization.js";
import {EXPLORER_CONTROLS} from "../../src/lib/explorer.js";
import {
  baselineConfig,
  controlSearch,
  controlValuesFromUrl,
  defaultValues,
  listControl,
  normalizeValues,
  remedyRuns,
  searchFor,
  valuesFromUrl
} from "../../src/lib/remedy-spec.js";
import {plannedSteps} from "../../src/lib/run-protocol.js";

const differences = (a: TrainConfig, b: TrainConfig) =>
  (Object.keys(a) as (keyof TrainConfig)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

describe("valuesFromUrl", () => {
  it("gives the spec's defaults and the live budget for an empty query, and starts at once", () => {
    const {values, autostart, problems} = valuesFromUrl(spec, "");
    assert.deepEqual(values, {scheme: "normal", scale: 1, train: 20000, epochs: 6});
    assert.deepEqual(values, defaultValues(spec));
    assert.equal(autostart, true);
    assert.deepEqual(problems, []);
  });

  it("reads valid values and explains each invalid one, which keeps its default", () => {
    const {values, autostart, problems} = valuesFromUrl(
      spec,
      "?scheme=orthogonal&scale=50&epochs=2&train=abc&autostart=0&backend=wasm"
    );
    assert.deepEqual(values, {scheme: "orthogonal", scale: 1, train: 20000, epochs: 2});
    assert.equal(autostart, false);
    assert.deepEqual(problems, [
      "Ignored ?scale=50: it must be a number from 0.01 to 20.",
      "Ignored ?train=abc: it must be a whole number from 1000 to 60000."
    ]);
    assert.match(
      valuesFromUrl(spec, "?scheme=lecun").problems[0]!,
      /scheme=lecun: it must be one of pytorch-default, normal/
    );
  });
});

describe("searchFor", () => {
  it("writes only what differs from the defaults, keeps other parameters, and reads back the same values", () => {
    const values = {scheme: "he-normal", scale: 0.0512345, train: 20000, epochs: 3};
    const query = searchFor(spec, values, "?backend=wasm&scale=7&autostart=0");
    assert.equal(query, "?backend=wasm&scale=0.0512&scheme=he-normal&epochs=3");
    const back = valuesFromUrl(spec, query);
    assert.deepEqual(back.values, normalizeValues(spec, values));
    assert.deepEqual(back.problems, []);
    assert.equal(searchFor(spec, defaultValues(spec)), "");
  });

  it("normalizes out-of-range and malformed values to what the inputs can hold", () => {
    assert.deepEqual(
      normalizeValues(spec, {scheme: "nope", scale: 1000, train: 1234.6, epochs: Number.NaN}),
      {
        scheme: "normal",
        scale: 20,
        train: 1235,
        epochs: 6
      }
    );
  });
});

describe("remedyRuns", () => {
  it("trains the remedy and the baseline on the same seeds, images and budget, differing in the init only", () => {
    const values = {scheme: "normal", scale: 10, train: 5000, epochs: 2};
    const [remedy, baseline] = remedyRuns(spec, values);
    assert.equal(remedy!.label, "N(0, 10²) init");
    assert.equal(baseline!.label, "Baseline");
    assert.deepEqual(differences(remedy!.config, baseline!.config), ["init"]);
    assert.deepEqual(remedy!.config.init, {kind: "normal", std: 10});
    assert.deepEqual(baseline!.config, baselineConfig(values));
    assert.deepEqual(differences(baseline!.config, BASELINE_CONFIG).sort(), [
      "epochs",
      "snapshotEvery",
      "trainSize"
    ]);
    assert.equal(plannedSteps(remedy!.config), 9 * 2); // 4,500 fit images in batches of 512
    for (const run of [remedy!, baseline!]) validateConfig(run.config, 60000);
  });

  it("gives every init scheme of the registry a valid config, its scale on the scheme's own option", () => {
    for (const scheme of (spec.controls.scheme!.param as {values: readonly string[]}).values) {
      const [remedy] = remedyRuns(spec, {...defaultValues(spec), scheme, scale: 0.3});
      validateConfig(remedy!.config, 60000);
      const options = Object.entries(remedy!.config.init).filter(([k]) => k !== "kind");
      assert.deepEqual(
        options.map(([, v]) => v),
        scheme === "pytorch-default" ? [] : [0.3],
        scheme
      );
    }
  });

  it("puts a spec's variants between the remedy and the baseline, and refuses more runs than a page trains", () => {
    const seeded = (n: number) => ({
      ...spec,
      variants: (_values: object, remedy: TrainConfig) =>
        Array.from({length: n}, (_, k) => ({
          label: `seed ${k + 1}`,
          config: {...remedy, seeds: {init: k + 1, data: k + 1}}
        }))
    });
    const runs = remedyRuns(seeded(2), defaultValues(spec));
    assert.deepEqual(
      runs.map((r) => r.label),
      ["N(0, 1²) init", "seed 1", "seed 2", "Baseline"]
    );
    assert.deepEqual(differences(runs[0]!.config, runs[2]!.config), ["seeds"]);
    assert.deepEqual(runs[3]!.config.seeds, runs[0]!.config.seeds);
    assert.throws(
      () => remedyRuns(seeded(3), defaultValues(spec)),
      /5 runs asked for; a page trains at most 4/
    );
  });

  it("applies a spec's shared change to every run, the baseline included, before the remedy's", () => {
    const shared = {
      ...spec,
      shared: () => ({optimizer: {kind: "sgd" as const, learningRate: 0.3}})
    };
    const runs = remedyRuns(shared, defaultValues(spec));
    assert.deepEqual(
      runs.map((r) => r.config.optimizer),
      runs.map(() => ({kind: "sgd", learningRate: 0.3}))
    );
    assert.deepEqual(differences(runs[0]!.config, runs[1]!.config), ["init"]);
  });
});

describe("listControl", () => {
  it("offers the values in order, shows each as its text, and keeps an unknown value out", () => {
    const control = listControl(
      ["a", "b"] as const,
      {a: "Apple", b: "Banana"},
      {label: "Fruit", help: "h", value: "b"}
    );
    assert.deepEqual(control.param, {kind: "choice", values: ["a", "b"]});
    assert.deepEqual(
      [control.format!("a"), control.format!("b"), control.value, control.input],
      ["Apple", "Banana", "b", "select"]
    );
    const fruitSpec = {...spec, controls: {fruit: control}};
    assert.equal(valuesFromUrl(fruitSpec, "?fruit=c").values.fruit, "b");
  });
});

describe("controlValuesFromUrl and controlSearch (any set of controls: the theory page's)", () => {
  const controls = EXPLORER_CONTROLS;
  it("keeps valid values, falls back to the default with a notice for each invalid one", () => {
    const {values, problems} = controlValuesFromUrl(controls, "?activation=swish&depth=99&scale=0.5&other=1");
    assert.deepEqual(values, {depth: 7, scale: 0.5, activation: "sigmoid"});
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^Ignored \?depth=99: it must be a whole number from 1 to 50\.$/);
    assert.match(problems[1]!, /^Ignored \?activation=swish: it must be one of sigmoid, tanh, relu/);
  });

  it("writes only the values off their defaults, keeps other parameters, and reads back what it wrote", () => {
    const values = {depth: 20, scale: 0.05, activation: "tanh"};
    const search = controlSearch(controls, values, "?backend=cpu&depth=3");
    assert.equal(search, "?backend=cpu&depth=20&activation=tanh");
    assert.deepEqual(controlValuesFromUrl(controls, search).values, values);
  });
});
