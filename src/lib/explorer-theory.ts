// The explorer's mean-field prediction (initialization.ts), worked out on the page while the worker measures:
// about 10 ms at 50 layers that would otherwise add to the worker's pass. It starts THEORY_DELAY_MS after a
// request, and only if no newer request came meanwhile, so a dragged slider (an input event a frame) does not
// compute one per event; an answer that arrives first computes its own.
import {predictedGradientNorms} from "../engine/mean-field-profile.js";
import type {Snapshot, TrainConfig} from "../engine/types.js";
import {initTheory, type InitTheory} from "./initialization.js";

/** Longer than the time between two input events of a drag (16 ms at 60 Hz), far shorter than a deep pass. */
export const THEORY_DELAY_MS = 30;

export interface ExplorerPrediction {
  /** The mean-field ‖∂L/∂W‖ per layer of the answer's snapshot; null where the theory has none or failed. */
  predicted: (number | null)[] | null;
  /** Why there is none, when the theory failed. */
  problem: string | null;
}

export interface ExplorerTheory {
  /** Starts request `id`'s theory after THEORY_DELAY_MS unless `isNewest()` is false by then. */
  schedule(id: number, config: TrainConfig, isNewest: () => boolean): void;
  /** Request `id`'s prediction for its answer `snapshot`; the theory is computed once per request. */
  predict(id: number, config: TrainConfig, snapshot: Snapshot): ExplorerPrediction;
}

export function createExplorerTheory(
  compute: (config: TrainConfig) => InitTheory | null = initTheory
): ExplorerTheory {
  let latest: {id: number; theory: InitTheory | null; problem: string | null} | null = null;
  const theoryOf = (id: number, config: TrainConfig) => {
    if (latest?.id !== id) {
      try {
        latest = {id, theory: compute(config), problem: null};
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        latest = {id, theory: null, problem: `The mean-field prediction failed: ${reason}`};
      }
    }
    return latest;
  };
  return {
    schedule(id, config, isNewest) {
      setTimeout(() => isNewest() && theoryOf(id, config), THEORY_DELAY_MS);
    },
    predict(id, config, snapshot) {
      const {theory, problem} = theoryOf(id, config);
      return {predicted: theory ? predictedGradientNorms(theory.layers, snapshot) : null, problem};
    }
  };
}
