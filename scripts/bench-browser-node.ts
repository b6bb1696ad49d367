// The Node side of bench:browser: a page's default run trained here on the wasm backend with the engine the
// pages use, timed the way the page is timed (from the first snapshot to the end, evaluations included).
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

/** Images whose pixel values do not matter to the speed of a step: the arithmetic is the same. */
function syntheticImages(count: number): DatasetBuffers {
  const images = Uint8Array.from({length: count * 784}, (_, i) => (i * 2654435761) % 256);
  return {images, labels: Uint8Array.from({length: count}, (_, i) => i % 10), count};
}

export async function nodeStepsPerSecond(page: string): Promise<number> {
  const configFor = DEFAULT_CONFIGS[page];
  if (!configFor) throw new Error(`bench:browser: no default config for ${page}`);
  const config = configFor();
  await tf.setBackend("wasm");
  await tf.ready();
  const data = {train: syntheticImages(config.trainSize), test: syntheticImages(TEST_IMAGES)};
  const run = startTraining(config, data);
  let firstAt: number | null = null;
  run.subscribe((state) => {
    if (firstAt === null && state.snapshots.length > 0) firstAt = performance.now();
  });
  const end = await run.done;
  if (end.status !== "done")
    throw new Error(`bench:browser: the Node run ended ${end.status}: ${end.message}`);
  return +((end.step * 1000) / (performance.now() - firstAt!)).toFixed(2);
}
