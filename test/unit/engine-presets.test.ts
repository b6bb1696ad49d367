// The study's experiments as presets: each must build exactly the network study.md describes. The wiring is
// read back as text from the built network (layer names, shapes, where norms and skips sit), so a change to a
// preset or to the builder shows up as a readable difference.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {Dense} from "../../src/engine/dense.js";
import type {Network} from "../../src/engine/network.js";
import {presetByName, PRESETS, residualSkips, withEpochs} from "../../src/engine/presets.js";
import {buildTrainingModel} from "../../src/engine/stages.js";
import {useCpuBackend} from "./engine-helpers.js";

before(useCpuBackend);

/** "hidden 1 784→128", "sigmoid 1", "skip 1→3 = sigmoid 1 out + sigmoid 3 out", …; frozen Dense layers marked. */
function describeWiring(network: Network): string[] {
  return network.wiring.map((node) => {
    if (node.kind === "add") return `${node.output} = ${node.inputs.join(" + ")}`;
    const layer = node.layer;
    if (!(layer instanceof Dense)) return layer.name;
    const frozen = layer.params.every((p) => !p.trainable) ? " (frozen)" : "";
    return `${layer.name} ${layer.fanIn}→${layer.fanOut}${frozen}`;
  });
}

const hidden = (i: number, act = "sigmoid", fanIn = i === 1 ? 784 : 128) => [
  `hidden ${i} ${fanIn}→128`,
  `${act} ${i}`
];
const plain = (act = "sigmoid") => [...[1, 2, 3, 4, 5, 6, 7].flatMap((i) => hidden(i, act)), "output 128→10"];

function wiringOf(name: string, stage = 0): string[] {
  const model = buildTrainingModel(presetByName(name).config);
  for (let s = 0; s < stage; s++) model.enterStage(s);
  const text = describeWiring(model.enterStage(stage));
  model.dispose();
  return text;
}

describe("presets", () => {
  it("are all valid configs, also at 10 epochs (per stage)", () => {
    for (const preset of PRESETS) {
      validateConfig(preset.config);
      validateConfig(withEpochs(preset.config, 10));
    }
    assert.equal(withEpochs(presetByName("layerwise").config, 10).epochs, 60);
  });

  it("follow the study's protocol: batch 512, 100 epochs, 60,000 images with 10% held out, seed 42", () => {
    for (const preset of PRESETS) {
      const c = preset.config;
      assert.deepEqual(
        [c.batchSize, c.trainSize, c.validationFraction, c.seeds],
        [512, 60000, 0.1, {init: 42, data: 42}]
      );
      const perStage = c.layerwise ? c.layerwise.stages.map((s) => s.epochs) : [c.epochs];
      assert.ok(
        perStage.every((e) => e === 100),
        preset.name
      );
    }
  });

  it("baseline: 784 → 7×128 sigmoid → 10, PyTorch default init, SGD 0.01", () => {
    const c = presetByName("baseline").config;
    assert.deepEqual([c.init, c.optimizer], [{kind: "pytorch-default"}, {kind: "sgd", learningRate: 0.01}]);
    assert.deepEqual(wiringOf("baseline"), plain());
  });

  it("every remedy but weight increasing uses N(0, 0.05²); weight increasing uses std 1 and 10", () => {
    const stds = Object.fromEntries(PRESETS.map((p) => [p.name, p.config.init]));
    assert.deepEqual(stds["init-std-1"], {kind: "normal", std: 1});
    assert.deepEqual(stds["init-std-10"], {kind: "normal", std: 10});
    for (const p of PRESETS.filter((p) => !["baseline", "init-std-1", "init-std-10"].includes(p.name))) {
      assert.deepEqual(p.config.init, {kind: "normal", std: 0.05}, p.name);
    }
  });

  it("relu and adam change only the activation and the optimizer", () => {
    assert.deepEqual(wiringOf("relu"), plain("relu"));
    assert.deepEqual(presetByName("adam").config.optimizer, {
      kind: "adam",
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8
    });
  });

  it("batchnorm sits after each hidden Linear and before its sigmoid", () => {
    const expected = [1, 2, 3, 4, 5, 6, 7].flatMap((i) => {
      const [dense, act] = hidden(i);
      return [dense!, `norm ${i}`, act!];
    });
    assert.deepEqual(wiringOf("batchnorm"), [...expected, "output 128→10"]);
  });

  it("skip: h1 + h3 feeds layer 4, h4 + h7 feeds the output", () => {
    const wiring = wiringOf("skip");
    const sum1 = wiring.indexOf("skip 1→3 = sigmoid 1 out + sigmoid 3 out");
    const sum2 = wiring.indexOf("skip 4→7 = sigmoid 4 out + sigmoid 7 out");
    assert.deepEqual([sum1, sum2], [6, 15]);
    assert.equal(wiring[sum1 + 1], "hidden 4 128→128");
    assert.equal(wiring.at(-1), "output 128→10");
    assert.equal(wiring.length, plain().length + 2);
  });

  it("residualSkips chains blocks of any length at any depth, each a valid config", () => {
    assert.deepEqual(residualSkips(7, 2), [
      {from: 1, to: 3},
      {from: 3, to: 5},
      {from: 5, to: 7}
    ]);
    assert.deepEqual(residualSkips(7, 3), [
      {from: 1, to: 4},
      {from: 4, to: 7}
    ]);
    assert.deepEqual(residualSkips(2, 3), []);
    for (const [depth, length] of [
      [7, 2],
      [12, 4],
      [30, 1]
    ] as const) {
      const config = {...presetByName("skip").config, depth, skips: residualSkips(depth, length)};
      assert.doesNotThrow(() => validateConfig(config), `${depth}, ${length}`);
    }
  });

  it("gradnorm-study puts a gradient-normalization layer after every hidden activation", () => {
    const expected = [1, 2, 3, 4, 5, 6, 7].flatMap((i) => [...hidden(i), `gradient norm ${i}`]);
    assert.deepEqual(wiringOf("gradnorm-study"), [...expected, "output 128→10"]);
  });

  it("layerwise: the study's six stages over blocks of 2, 2, 2, 1 layers", () => {
    const frozen = (i: number) => `hidden ${i} ${i === 1 ? 784 : 128}→128 (frozen)`;
    const training = (i: number) => hidden(i)[0]!;
    const stage = (trained: number[], frozenLayers: number[]) =>
      [
        ...frozenLayers.map((i) => [frozen(i), `sigmoid ${i}`]),
        ...trained.map((i) => [training(i), `sigmoid ${i}`])
      ]
        .sort((a, b) => Number(a[1]!.split(" ")[1]) - Number(b[1]!.split(" ")[1]))
        .flat()
        .concat("output 128→10");
    assert.deepEqual(wiringOf("layerwise", 0), stage([1, 2], []));
    assert.deepEqual(wiringOf("layerwise", 1), stage([3, 4], [1, 2]));
    assert.deepEqual(wiringOf("layerwise", 2), stage([5, 6], [1, 2, 3, 4]));
    assert.deepEqual(wiringOf("layerwise", 3), stage([1, 2, 3, 4, 5, 6], []));
    assert.deepEqual(wiringOf("layerwise", 4), stage([7], [1, 2, 3, 4, 5, 6]));
    assert.deepEqual(wiringOf("layerwise", 5), stage([1, 2, 3, 4, 5, 6, 7], []));
  });

  it("layerwise makes a new head every stage; layerwise-keep-head keeps it in the unfreeze-only stages", () => {
    const heads = (name: string) => {
      const model = buildTrainingModel(presetByName(name).config);
      const out = [0, 1, 2, 3, 4, 5].map((s) => model.enterStage(s).probes.at(-1)!.dense);
      const fresh = out.map((head, s) => s === 0 || head !== out[s - 1]);
      model.dispose();
      return fresh;
    };
    assert.deepEqual(heads("layerwise"), [true, true, true, true, true, true]);
    assert.deepEqual(heads("layerwise-keep-head"), [true, true, true, false, true, false]);
  });
});
