// npm run prerun: trains the study's baseline (784 → 7×128 sigmoid → 10, PyTorch-default init, SGD 0.01,
// batch 512, 100 epochs, all 60,000 training images) in Node on the wasm backend and writes a compact record
// to data/results/baseline.json, which the problem page shows before the reader trains anything.
// Options: --epochs N (default 100), --out PATH.
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname} from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import {loadFashionSplits} from "../data/source.js";
import {compactRecord} from "../data/results.js";
import {BASELINE_CONFIG, startTraining} from "../src/engine/index.js";

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const epochs = Number(option("epochs") ?? BASELINE_CONFIG.epochs);
const out = option("out") ?? "data/results/baseline.json";

await tf.setBackend("wasm");
const splits = loadFashionSplits();
const config = {...BASELINE_CONFIG, epochs, snapshotEvery: 53};
const run = startTraining(config, {train: splits.train, test: splits.test});
let lastLog = 0;
run.subscribe((state) => {
  if (performance.now() - lastLog < 5000 && state.status === "running") return;
  lastLog = performance.now();
  const last = state.snapshots.at(-1);
  const loss = last ? last.train.loss.toFixed(4) : "…";
  process.stderr.write(`step ${state.step}/${state.totalSteps}  loss ${loss}  ${state.status}\n`);
});
const state = await run.done;
if (state.status !== "done") throw new Error(`the baseline run ended ${state.status}: ${state.message}`);
const record = compactRecord(config, state.snapshots, {backend: "wasm (Node)", source: splits.source.name});
mkdirSync(dirname(out), {recursive: true});
writeFileSync(out, JSON.stringify(record));
const final = state.snapshots.at(-1)!;
process.stderr.write(
  `wrote ${out}: test accuracy ${final.test!.accuracy.toFixed(4)}, ${state.elapsedMs.toFixed(0)} ms\n`
);
