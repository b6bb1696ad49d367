// Trains the runs a page asks for, one at a time, wherever it is put: the body of the training worker, or the
// page itself when module workers are missing. It answers the messages of run-protocol.ts through `post`.
import * as tf from "@tensorflow/tfjs-core";
import {startTraining, type TrainingRun} from "../engine/index.js";
import {chooseBackend} from "./backend-choice.js";
import {isBackendName, startBackend} from "./backend.js";
import {createDataStore, type DataStore} from "./host-data.js";
import {progressOf, type FromHost, type RunProgress, type ToHost} from "./run-protocol.js";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `fetchUrl` fetches the image files (the browser's fetch, or a stub in tests). */
export function createRunHost(
  post: (message: FromHost) => void,
  fetchUrl: (url: string) => Promise<Response> = (url) => fetch(url)
): (message: ToHost) => void {
  let data: DataStore | null = null;
  let backend: string | null = null;
  let current: {id: number; run: TrainingRun} | null = null;
  /** The id of the latest start: an older start still queued is skipped. */
  let latest = -1;
  const cancelled = new Set<number>();
  /** Runs paused before they started: they start paused. */
  const paused = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  /** Whether the start of run `id` has been overtaken by a later start or cancelled; forgets the cancel. */
  const superseded = (id: number) => {
    const skip = id !== latest || cancelled.has(id);
    cancelled.delete(id);
    return skip;
  };
  const ended = (id: number, progress: RunProgress) =>
    post({type: "end", id, progress, snapshots: [], tensors: tf.memory().numTensors});

  async function useBackend(name: string): Promise<void> {
    if (backend === name) return;
    const failure = isBackendName(name) ? await startBackend(name) : `unknown backend ${name}`;
    if (failure) throw new Error(`the ${name} backend cannot be used: ${failure}`);
    backend = name;
  }

  async function train(
    id: number,
    config: Parameters<typeof startTraining>[0],
    backendName: string,
    captureWeights: boolean
  ) {
    const idle: RunProgress = {
      status: "cancelled",
      message: null,
      step: 0,
      totalSteps: 0,
      elapsedMs: 0,
      remainingMs: null
    };
    if (superseded(id)) return ended(id, idle);
    try {
      await useBackend(backendName);
      if (!data) throw new Error("the host got no images (init message missing)");
      const images = await data.ensure(config.trainSize, (progress) =>
        post({type: "data", progress, loaded: null})
      );
      post({
        type: "data",
        progress: null,
        loaded: {train: images.train.count, test: images.test.count}
      });
      if (superseded(id)) return ended(id, idle);
      const run = startTraining(config, images, {captureWeights});
      current = {id, run};
      if (paused.delete(id)) run.pause();
      let sent = 0;
      run.subscribe((state) => {
        post({type: "run", id, progress: progressOf(state), snapshots: state.snapshots.slice(sent)});
        sent = state.snapshots.length;
      });
      const end = await run.done;
      current = null;
      post({
        type: "end",
        id,
        progress: progressOf(end),
        snapshots: end.snapshots.slice(sent),
        tensors: tf.memory().numTensors,
        ...(end.weights && {weights: end.weights})
      });
    } catch (error) {
      current = null;
      ended(id, {...idle, status: "failed", message: message(error)});
    }
  }

  return (msg) => {
    switch (msg.type) {
      case "init":
        data = createDataStore(msg.manifest, msg.urls, fetchUrl);
        return;
      case "choose-backend":
        chooseBackend(msg).then(
          (report) => ((backend = report.name), post({type: "backend", report})),
          (error) => post({type: "backend-failed", message: message(error)})
        );
        return;
      case "start":
        latest = msg.id;
        current?.run.cancel();
        queue = queue.then(() => train(msg.id, msg.config, msg.backend, msg.captureWeights ?? false));
        return;
      case "cancel":
        if (current?.id === msg.id) current.run.cancel();
        else cancelled.add(msg.id);
        return;
      case "stop":
        latest = -1;
        current?.run.cancel();
        return;
      case "pause":
      case "resume":
        if (current?.id === msg.id) current.run[msg.type]();
        else if (msg.type === "pause") paused.add(msg.id);
        else paused.delete(msg.id);
        return;
    }
  };
}
