// A fake engine for the race tests: runs that end after a tick with given test accuracies, so the order in
// which a race starts and ends them can be observed without training anything.
import type {RunState, TrainingRun} from "../../src/engine/index.js";
import type {Snapshot, TrainConfig} from "../../src/engine/types.js";
import type {StartRun} from "../../src/lib/race.js";
import {syntheticDataset} from "./engine-helpers.js";

export const data = {train: syntheticDataset(60), test: syntheticDataset(20, 3)};
const snapshot = (kind: Snapshot["kind"], epoch: number, accuracy: number, test: number | null) =>
  ({
    kind,
    epoch,
    train: {loss: 1, accuracy},
    validation: {loss: 1, accuracy},
    test: test === null ? null : {loss: 1, accuracy: test}
  }) as Snapshot;

/** A fake engine: run i ends after a tick with test accuracy accuracies[i]; `log` records starts and ends. */
export function fakeEngine(accuracies: number[], log: string[] = []): StartRun & {runs: TrainingRun[]} {
  const runs: TrainingRun[] = [];
  let calls = 0;
  const start = (config: TrainConfig): TrainingRun => {
    const i = calls++;
    const accuracy = accuracies[i]!;
    if (Number.isNaN(accuracy)) throw new Error("invalid config");
    log.push(`start ${i} (${config.trainSize} images)`);
    let state: RunState = {
      status: "running",
      message: null,
      snapshots: [],
      step: 0,
      totalSteps: 4,
      elapsedMs: 0,
      remainingMs: null
    };
    const listeners = new Set<(s: RunState) => void>();
    let cancelled = false;
    const done = new Promise<RunState>((resolve) =>
      setTimeout(() => {
        const snapshots = [
          snapshot("epoch", 1, accuracy / 2, null),
          snapshot("final", 2, accuracy, accuracy)
        ];
        state = cancelled
          ? {...state, status: "cancelled", step: 1}
          : {...state, status: "done", step: 4, snapshots, elapsedMs: 1500};
        log.push(`end ${i}`);
        listeners.forEach((l) => l(state));
        resolve(state);
      }, 5)
    );
    const run: TrainingRun = {
      get state() {
        return state;
      },
      subscribe: (l) => (listeners.add(l), l(state), () => listeners.delete(l)),
      pause() {},
      resume() {},
      cancel: () => void (cancelled = true),
      done
    };
    runs.push(run);
    return run;
  };
  return Object.assign(start, {runs});
}
