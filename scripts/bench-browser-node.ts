// The Node side of bench:browser: a page's default run trained with the engine the pages use on the wasm
// backend, timed as the page's run is: steps over the run's own training time (RunState.elapsedMs, from the
// start of its loop to its last snapshot, evaluations included).
//
// Like with like: a page visit trains its first run in a fresh worker, whose JavaScript and wasm are still
// being compiled and tiered up while it trains; pressing Train again trains in the same, warm worker. So each
// measurement is a fresh Node process (this file run as a script) that trains the run twice: its first run is
// as cold as the page's first, its second as warm as the page's run again (and as npm run bench's figures,
// which leave out their first round). Here Node's first run is 7–15% slower than its second.
import {execFile} from "node:child_process";
import {fileURLToPath} from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import {startTraining} from "../src/engine/index.js";
import type {DatasetBuffers, TrainConfig} from "../src/engine/types.js";
import {configFromControls, controlsFromUrl} from "../src/lib/controls.js";
import {syntheticImages, timeSteps} from "../src/lib/step-timer.js";

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

/** With `timedFirst`, a few steps are timed first, as the page's worker does when it chooses the backend. */
async function trainTwice(page: string, timedFirst: boolean): Promise<NodeRates> {
  const config = configOf(page);
  await tf.setBackend("wasm");
  await tf.ready();
  const data = {train: syntheticImages(config.trainSize), test: syntheticImages(TEST_IMAGES)};
  if (timedFirst) await timeSteps(config);
  return {first: await timedRun(config, data), again: await timedRun(config, data)};
}

const SCRIPT = fileURLToPath(import.meta.url);
const CHILD = "--bench-browser-child";

/** Runs this file in a fresh Node process for `page` and returns its two rates; fails after `timeoutMs`. */
export function nodeStepsPerSecond(
  page: string,
  {timedFirst, timeoutMs}: {timedFirst: boolean; timeoutMs: number}
): Promise<NodeRates> {
  configOf(page); // an unknown page fails here, not in the child
  const args = ["--import", "tsx", SCRIPT, CHILD, page, ...(timedFirst ? ["--timed-first"] : [])];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, {timeout: timeoutMs}, (error, stdout, stderr) => {
      if (error?.killed)
        return reject(
          new Error(`bench:browser: the Node run took over ${timeoutMs / 1000} s and was stopped`)
        );
      if (error)
        return reject(new Error(`bench:browser: the Node run failed: ${stderr.trim() || error.message}`));
      const line = stdout.split("\n").findLast((l) => l.startsWith("{"));
      try {
        resolve(JSON.parse(line!) as NodeRates);
      } catch {
        reject(new Error(`bench:browser: the Node run printed no rates: "${stdout.slice(-200)}"`));
      }
    })
  );
}

if (process.argv.includes(CHILD)) {
  const [page = "", ...flags] = process.argv.slice(process.argv.indexOf(CHILD) + 1);
  trainTwice(page, flags.includes("--timed-first")).then(
    (rates) => console.log(JSON.stringify(rates)),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    }
  );
}
