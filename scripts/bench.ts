// npm run bench [-- --json]: median milliseconds per training step of the study's baseline on the Node cpu and
// wasm backends, with probes off and on (one probed step in every `snapshotEvery`), the step's achieved
// GFLOP/s, and the plain-matMul GFLOP/s of the same backend on the step's shapes (the ceiling).
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
// Registers every op's gradient, for the autodiff reference row only (the engine itself needs none).
import "@tensorflow/tfjs";
import {makeBatch} from "../src/engine/batches.js";
import {softmaxCrossEntropy} from "../src/engine/loss.js";
import {BASELINE_CONFIG} from "../src/engine/config.js";
import {buildMlp, CLASS_COUNT, INPUT_SIZE} from "../src/engine/model.js";
import {createOptimizer} from "../src/engine/optimizer.js";
import {trainStep} from "../src/engine/step.js";
import {matMulFlops, stepMatMuls} from "./flops.js";

const json = process.argv.includes("--json");
const config = BASELINE_CONFIG;
const sizes = [INPUT_SIZE, ...Array<number>(config.depth).fill(config.width), CLASS_COUNT];
const products = stepMatMuls(config.batchSize, sizes);
const flops = matMulFlops(products);
const blocks: Record<string, number> = {wasm: 8, cpu: 2};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function syntheticData(n: number) {
  const images = Uint8Array.from({length: n * INPUT_SIZE}, (_, i) => (i * 2654435761) % 256);
  const labels = Uint8Array.from({length: n}, (_, i) => i % CLASS_COUNT);
  return {images, labels, count: n};
}

/** Median over blocks of `snapshotEvery` steps of (block time / steps); the last step of a block probes. */
async function stepMs(probes: boolean, blockCount: number): Promise<number> {
  const model = buildMlp(config);
  const optimizer = createOptimizer(config.optimizer);
  const initial = model.dense.map((layer) => tf.clone(layer.weights));
  const batch = makeBatch(
    syntheticData(config.batchSize),
    Array.from({length: config.batchSize}, (_, i) => i)
  );
  const times: number[] = [];
  for (let block = 0; block <= blockCount; block++) {
    const start = performance.now();
    for (let s = 0; s < config.snapshotEvery; s++) {
      const probe = probes && s === config.snapshotEvery - 1;
      const result = trainStep(model, optimizer, batch, {
        update: true,
        initialWeights: probe ? initial : null
      });
      if (result.probes) await tf.concat([result.totals, result.probes]).data();
      else if (s === config.snapshotEvery - 1) await result.totals.data();
      tf.dispose([result.totals, result.probes ?? []]);
    }
    if (block > 0) times.push((performance.now() - start) / config.snapshotEvery); // block 0 warms up
  }
  tf.dispose([batch.x, batch.y, ...initial]);
  model.dispose();
  return median(times);
}

/** The same step through tf.variableGrads (TensorFlow.js autodiff, transposed matMuls), for comparison. */
async function autodiffStepMs(blockCount: number): Promise<number> {
  const model = buildMlp(config);
  const batch = makeBatch(
    syntheticData(config.batchSize),
    Array.from({length: config.batchSize}, (_, i) => i)
  );
  const variables = model.params.map((p) => p.value);
  const times: number[] = [];
  for (let block = 0; block <= blockCount; block++) {
    const start = performance.now();
    for (let s = 0; s < config.snapshotEvery; s++) {
      const loss = tf.tidy(() => {
        const {value, grads} = tf.variableGrads(
          () => softmaxCrossEntropy(model.forward(batch.x, "train").logits, batch.y).loss,
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
  tf.dispose([batch.x, batch.y]);
  model.dispose();
  return median(times);
}

/** Plain (untransposed) matMul throughput on the step's shapes. */
async function ceilingGflops(repeats: number): Promise<number> {
  const operands = products.map(([m, k, n]) => [tf.ones([m, k]), tf.ones([k, n])] as const);
  const run = async () => {
    const outs = operands.map(([a, b]) => tf.matMul(a, b));
    await Promise.all(outs.map((out) => out.data()));
    tf.dispose(outs);
  };
  await run();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  operands.forEach((pair) => tf.dispose([...pair]));
  return flops / median(times) / 1e6;
}

const results: {backend: string; probes: boolean; stepMs: number; gflops: number}[] = [];
const ceiling: Record<string, number> = {};
for (const backend of ["wasm", "cpu"]) {
  await tf.setBackend(backend);
  await tf.ready();
  for (const probes of [false, true]) {
    const ms = await stepMs(probes, blocks[backend]!);
    results.push({backend, probes, stepMs: +ms.toFixed(2), gflops: +(flops / ms / 1e6).toFixed(2)});
  }
  ceiling[backend] = +(await ceilingGflops(backend === "cpu" ? 3 : 15)).toFixed(2);
}
await tf.setBackend("wasm");
const autodiffMs = await autodiffStepMs(3);
const reference = {
  backend: "wasm",
  method: "tf.variableGrads",
  probes: false,
  stepMs: +autodiffMs.toFixed(2)
};

if (json) {
  console.log(
    JSON.stringify({
      config: "baseline 784→7×128→10, batch 512",
      stepGflop: flops / 1e9,
      results,
      ceilingGflops: ceiling,
      autodiffReference: reference
    })
  );
} else {
  console.log(
    `baseline step: ${(flops / 1e9).toFixed(3)} GFLOP of matMul, snapshot every ${config.snapshotEvery} steps`
  );
  console.log("backend  probes  ms/step  GFLOP/s  matMul ceiling GFLOP/s");
  for (const r of results) {
    const row = [r.backend.padEnd(7), (r.probes ? "on" : "off").padEnd(6), r.stepMs.toFixed(1).padStart(7)];
    console.log(
      `${row.join("  ")}  ${r.gflops.toFixed(1).padStart(7)}  ${ceiling[r.backend]!.toFixed(1).padStart(7)}`
    );
  }
  const slower = (reference.stepMs / results[0]!.stepMs).toFixed(1);
  console.log(
    `reference: the same step through tf.variableGrads on wasm: ${reference.stepMs} ms (${slower}× slower)`
  );
}
