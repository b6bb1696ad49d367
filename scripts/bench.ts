// npm run bench [-- --json]: median milliseconds per training step of the study's baseline on the Node cpu and
// wasm backends, with probes off and on (one probed step in every `snapshotEvery`), the step's achieved
// GFLOP/s, and the plain-matMul GFLOP/s of the same backend on the step's shapes (the ceiling).
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
// Registers every op's gradient, for the autodiff reference row only (the engine itself needs none).
import "@tensorflow/tfjs";
import {disposeBatch} from "../src/engine/batches.js";
import {BASELINE_CONFIG} from "../src/engine/config.js";
import {gradientTransform} from "../src/engine/gradient-transform.js";
import {softmaxCrossEntropy} from "../src/engine/loss.js";
import {CLASS_COUNT, INPUT_SIZE} from "../src/engine/model.js";
import {createOptimizer} from "../src/engine/optimizers.js";
import {PRESETS} from "../src/engine/presets.js";
import {buildTrainingModel} from "../src/engine/stages.js";
import {trainStep} from "../src/engine/step.js";
import type {TrainConfig} from "../src/engine/types.js";
import {syntheticBatch} from "../src/lib/step-timer.js";
import {matMulFlops, stepMatMuls} from "./flops.js";

const json = process.argv.includes("--json");
/** Only the preset rows: quicker when working on one remedy's speed. */
const presetsOnly = process.argv.includes("--presets");
const config = BASELINE_CONFIG;
const sizes = [INPUT_SIZE, ...Array<number>(config.depth).fill(config.width), CLASS_COUNT];
const products = stepMatMuls(config.batchSize, sizes);
const flops = matMulFlops(products);
const blocks: Record<string, number> = {wasm: 12, cpu: 2};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A fixed batch of the step's size, built with its transpose as the training loop builds it. */
const benchBatch = () => syntheticBatch(config.batchSize);

/**
 * Trains `trainConfig` (at layer-wise stage `stage`, whose frozen blocks get no gradient) on one fixed batch.
 * block() runs `snapshotEvery` steps and returns milliseconds per step; with probes the last step probes.
 */
function stepRunner(trainConfig: TrainConfig, probes: boolean, stage = 0) {
  const model = buildTrainingModel(trainConfig);
  for (let s = 0; s < stage; s++) model.enterStage(s);
  const network = model.enterStage(stage);
  const optimizer = createOptimizer(trainConfig.optimizer);
  const transform = gradientTransform(trainConfig.gradientNorm);
  const initial = new Map(network.probes.map((p) => [p.dense.weight, tf.clone(p.dense.weight.value)]));
  const batch = benchBatch();
  return {
    async block(): Promise<number> {
      const start = performance.now();
      for (let s = 0; s < config.snapshotEvery; s++) {
        const probe = probes && s === config.snapshotEvery - 1;
        const options = {update: true, probeBefore: false, probeAfter: probe, initialWeights: initial};
        const result = trainStep(network, optimizer, batch, options, transform);
        const last = s === config.snapshotEvery - 1;
        const read = result.after ? tf.concat([result.totals, result.after]) : null;
        if (read) await read.data();
        else if (last) await result.totals.data();
        tf.dispose([result.totals, result.after ?? [], read ?? []]);
      }
      return (performance.now() - start) / config.snapshotEvery;
    },
    dispose() {
      disposeBatch(batch);
      tf.dispose([...initial.values()]);
      model.dispose();
      optimizer.dispose();
    }
  };
}

/** The same step through tf.variableGrads (TensorFlow.js autodiff, transposed matMuls), for comparison. */
async function autodiffStepMs(blockCount: number): Promise<number> {
  const model = buildTrainingModel(config);
  const network = model.enterStage(0);
  const batch = benchBatch();
  const variables = network.params.map((p) => p.value);
  const times: number[] = [];
  for (let block = 0; block <= blockCount; block++) {
    const start = performance.now();
    for (let s = 0; s < config.snapshotEvery; s++) {
      const loss = tf.tidy(() => {
        const {value, grads} = tf.variableGrads(
          () => softmaxCrossEntropy(network.forward(batch.x, "train").logits, batch.y).loss,
          variables
        );
        for (const v of variables) v.assign(tf.sub(v, tf.mul(grads[v.name]!, config.optimizer.learningRate)));
        return value;
      });
      if (s === config.snapshotEvery - 1) await loss.data();
      loss.dispose();
    }
    if (block > 0) times.push((performance.now() - start) / config.snapshotEvery);
  }
  disposeBatch(batch);
  model.dispose();
  return median(times);
}

/** Plain (untransposed) matMuls of the step's shapes: run() returns the milliseconds of one pass over them all. */
function ceilingRunner() {
  const operands = products.map(([m, k, n]) => [tf.ones([m, k]), tf.ones([k, n])] as const);
  return {
    async run(): Promise<number> {
      const start = performance.now();
      const outs = operands.map(([a, b]) => tf.matMul(a, b));
      await Promise.all(outs.map((out) => out.data()));
      tf.dispose(outs);
      return performance.now() - start;
    },
    dispose: () => operands.forEach((pair) => tf.dispose([...pair]))
  };
}

/**
 * Per backend: the step with probes off and on, and the plain-matMul ceiling, measured round by round in
 * alternation so that load from elsewhere falls on all three alike. `ofCeiling` is the median over rounds of
 * (ceiling time / step time): the share of the ceiling's GFLOP/s the step reaches.
 */
const results: {backend: string; probes: boolean; stepMs: number; gflops: number; ofCeiling: number}[] = [];
const ceiling: Record<string, number> = {};
for (const backend of presetsOnly ? [] : ["wasm", "cpu"]) {
  await tf.setBackend(backend);
  await tf.ready();
  const runners = [false, true].map((probes) => ({
    probes,
    runner: stepRunner(config, probes),
    times: [] as number[]
  }));
  const matMuls = ceilingRunner();
  const ceilingTimes: number[] = [];
  for (let round = 0; round <= blocks[backend]!; round++) {
    const ceilingMs = await matMuls.run();
    for (const r of runners) {
      const ms = await r.runner.block();
      if (round > 0) r.times.push(ms); // round 0 warms up
    }
    if (round > 0) ceilingTimes.push(ceilingMs);
  }
  for (const {probes, runner, times} of runners) {
    runner.dispose();
    const ms = median(times);
    const ofCeiling = median(times.map((t, i) => ceilingTimes[i]! / t));
    results.push({
      backend,
      probes,
      stepMs: +ms.toFixed(2),
      gflops: +(flops / ms / 1e6).toFixed(2),
      ofCeiling: +ofCeiling.toFixed(3)
    });
  }
  matMuls.dispose();
  ceiling[backend] = +(flops / median(ceilingTimes) / 1e6).toFixed(2);
}
await tf.setBackend("wasm");
const autodiffMs = presetsOnly ? NaN : await autodiffStepMs(3);
const reference = {
  backend: "wasm",
  method: "tf.variableGrads",
  probes: false,
  stepMs: +autodiffMs.toFixed(2)
};

/**
 * Every preset's step on wasm (probes off) as a ratio to the baseline step. The presets' blocks are interleaved
 * round by round, so load from elsewhere on the machine falls on all of them alike; each ratio is the median
 * over rounds of (preset block / baseline block of the same round).
 */
const presetRunners = [
  ...PRESETS.filter((preset) => preset.name !== "layerwise-keep-head") // the same networks as layerwise
    .flatMap((preset) =>
      preset.config.layerwise
        ? [
            {name: `${preset.name} (stage 5: B1–B3 frozen)`, runner: stepRunner(preset.config, false, 4)},
            {name: `${preset.name} (stage 6: all)`, runner: stepRunner(preset.config, false, 5)}
          ]
        : [{name: preset.name, runner: stepRunner(preset.config, false)}]
    ),
  // Momentum is no preset of the study; its cost is measured on the baseline network.
  {
    name: "baseline with SGD momentum 0.9",
    runner: stepRunner({...config, optimizer: {kind: "momentum", learningRate: 0.01, momentum: 0.9}}, false)
  }
];
const rounds = presetsOnly ? 8 : 5;
const times = presetRunners.map(() => [] as number[]);
for (let round = 0; round <= rounds; round++) {
  for (const [i, {runner}] of presetRunners.entries()) {
    const ms = await runner.block();
    if (round > 0) times[i]!.push(ms); // round 0 warms up
  }
}
const presetRows = presetRunners.map(({name, runner}, i) => {
  runner.dispose();
  const ratios = times[i]!.map((ms, r) => ms / times[0]![r]!);
  return {name, stepMs: +median(times[i]!).toFixed(2), ratio: +median(ratios).toFixed(2)};
});

if (json) {
  console.log(
    JSON.stringify({
      config: "baseline 784→7×128→10, batch 512",
      stepGflop: flops / 1e9,
      results,
      ceilingGflops: ceiling,
      autodiffReference: reference,
      presets: presetRows
    })
  );
} else {
  console.log(
    `baseline step: ${(flops / 1e9).toFixed(3)} GFLOP of matMul, snapshot every ${config.snapshotEvery} steps`
  );
  console.log("backend  probes  ms/step  GFLOP/s  matMul ceiling GFLOP/s  share of ceiling");
  for (const r of results) {
    const row = [r.backend.padEnd(7), (r.probes ? "on" : "off").padEnd(6), r.stepMs.toFixed(1).padStart(7)];
    const share = `${(r.ofCeiling * 100).toFixed(0)}%`.padStart(16);
    console.log(
      `${row.join("  ")}  ${r.gflops.toFixed(1).padStart(7)}  ${ceiling[r.backend]!.toFixed(1).padStart(22)}  ${share}`
    );
  }
  if (!presetsOnly) {
    const slower = (reference.stepMs / results[0]!.stepMs).toFixed(1);
    console.log(
      `reference: the same step through tf.variableGrads on wasm: ${reference.stepMs} ms (${slower}× slower)`
    );
  }
  console.log("\npreset (wasm, probes off)                   ms/step  × baseline");
  for (const row of presetRows) {
    console.log(
      `${row.name.padEnd(42)}  ${row.stepMs.toFixed(1).padStart(7)}  ${row.ratio.toFixed(2).padStart(9)}`
    );
  }
}
