// Test helpers for the page-side run modules: a RunStarter that trains on this thread (Node's cpu backend)
// with the engine directly, standing in for the pool of workers.
import {startTraining, type TrainingData, type TrainingRun} from "../../src/engine/index.js";
import type {TrainConfig} from "../../src/engine/types.js";
import type {RunStarter} from "../../src/lib/run-group.js";

export interface LocalStarter extends RunStarter {
  /** Every run started, in order, with its place. */
  started: {index: number; config: TrainConfig; run: TrainingRun}[];
  /** The place counts asked for by shrink(). */
  shrinks: number[];
}

export function localStarter(data: TrainingData): LocalStarter {
  const started: LocalStarter["started"] = [];
  const shrinks: number[] = [];
  return {
    started,
    shrinks,
    run(index, config, options) {
      const run = startTraining(config, data, options);
      started.push({index, config, run});
      return run;
    },
    shrink: (count) => void shrinks.push(count)
  };
}
