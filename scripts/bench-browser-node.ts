// The Node side of bench:browser: a page's default run trained with the engine the pages use on the wasm
// backend, timed as the page's run is: steps over the run's own training time (RunState.elapsedMs, from the
// start of its loop to its last snapshot, evaluations included).
//
// Like with like: a page visit trains its first run in a fresh worker, whose JavaScript and wasm are still
// being compiled and tiered up while it trains; pressing Train again trains in the same, warm worker. So each
// measurement is a fresh Node process (this file run as a script) that trains the run twice: its first run is
// as cold as the page's first, its second as warm as the page's run again (and as npm run bench's figures,
// which leave out their first round). In Node the first run is about 15% slower than the second.
import {execFile} from "node:child_process";
import {fileURLToPath} from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import {startTraining} from "../src/engine/index.js";
import type {DatasetBuffers, TrainConfig} from "../src/engine/types.js";
import {configFromControls, controlsFromUrl} from "../src/lib/controls.js";

/** Each live page's default run. */
const DEFAULT_CONFIGS: Record<string, () => TrainConfig> = {
  "/problem": () => configFromControls(controlsFromUrl("").values)
};

/** FashionMNIST's test split, evaluated at the end of every run. */
const TEST_IMAGES = 10_000;

/** Steps per second of a first run in a fresh process and of the same run trained again in it. */
export interface NodeRates {
  first: number;
  again: number;
}

/** Images whose pixel values do not matter to the speed of a step: the arithmetic is the same. */
function syntheticImages(count: number): DatasetBuffers {
  const images = Uint8Array.from({length: count * 784}, (_, i) => (i * 2654435761) % 256);
  return {images, labels: Uint8Array.from({length: count}, (_, i) => i % 10), count};
}

function configOf(page: string): TrainConfig {
  const configFor = DEFAULT_CONFIGS[page];
  if (!configFor) throw new Error(`bench:browser: no default config for ${page}`);
  return configFor();
}

/** Trains `page`'s default run once in this process; its steps per second. */
async function timedRun(config: TrainConfig, data: {train: DatasetBuffers; test: DatasetBuffers}) {
  const end = await startTraining(config, data).done;
  if (end.status !== "done")
    throw new Error(`bench:browser: the Node run ended ${end.status}: ${end.message}`);
  return +((end.step * 1000) / end.elapsedMs).toFixed(2);
}

async function trainTwice(page: string): Promise<NodeRates> {
  const config = configOf(page);
  await tf.setBackend("wasm");
  await tf.ready();
  const data = {train: syntheticImages(config.trainSize), test: syntheticImages(TEST_IMAGES)};
  return {first: await timedRun(config, data), again: await timedRun(config, data)};
}

const SCRIPT = fileURLToPath(import.meta.url);

/** Runs this file in a fresh Node process for `page` and returns its two rates. */
export function nodeStepsPerSecond(page: string): Promise<NodeRates> {
  configOf(page); // an unknown page fails here, not in the child
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["--import", "tsx", SCRIPT, page], (error, stdout, stderr) => {
      if (error)
        return reject(new Error(`bench:browser: the Node run failed: ${stderr.trim() || error.message}`));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as NodeRates);
      } catch {
        reject(new Error(`bench:browser: the Node run printed no rates: ${stdout.slice(-200)}`));
      }
    })
  );
}

if (process.argv[1] === SCRIPT) {
  trainTwice(process.argv[2] ?? "").then(
    (rates) => console.log(JSON.stringify(rates)),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    }
  );
}
