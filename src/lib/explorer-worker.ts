// The instant explorer's module Web Worker: holds the fixed batch, and answers each probe request with the
// step-0 snapshot of a fresh network (probeAtInit) on the wasm backend (cpu where wasm cannot start). Requests
// arriving while it works are coalesced: only the newest waiting one is computed, so a dragged slider never
// queues up stale work. A list of probes (the theory page's measured points) is answered point by point, and a
// newer request of either kind replaces whatever of it is still waiting.
import {probeAtInit} from "../engine/probe-at-init.js";
import type {DatasetBuffers, Snapshot, TrainConfig} from "../engine/types.js";
import {startBackend} from "./backend.js";
import {decodeShard, inflateIfGzipped} from "./fashion-format.js";
import {HISTOGRAM_PANELS} from "./explorer.js";

export interface ProbeRequest {
  id: number;
  config: TrainConfig;
}

export type ToExplorer =
  | {type: "batch"; bytes: ArrayBuffer}
  | ({type: "probe"} & ProbeRequest)
  | {type: "probes"; points: ProbeRequest[]};

export type FromExplorer =
  | {type: "ready"; backend: string; problem: string | null}
  /** The step-0 snapshot and the time taken (the page adds the mean-field prediction: explorer-client.ts). */
  | {type: "result"; id: number; snapshot: Snapshot; workerMs: number}
  | {type: "error"; id: number; message: string};

const scope = self as unknown as {
  postMessage(message: FromExplorer): void;
  onmessage: ((event: MessageEvent<ToExplorer>) => void) | null;
};

let batch: Promise<DatasetBuffers> | null = null;
/**
 * The requests not yet computed, in order; a new message replaces them all. A single probe gets the histograms
 * the explorer draws; a list's points (the phase diagram) need only their gradient norms.
 */
let waiting: (ProbeRequest & {histogramLayers: number})[] = [];
let busy = false;

const backend = (async () => {
  const problem = await startBackend("wasm");
  if (problem) await startBackend("cpu");
  scope.postMessage({type: "ready", backend: problem ? "cpu" : "wasm", problem});
})();

async function work(): Promise<void> {
  busy = true;
  await backend;
  for (;;) {
    // Let waiting messages in between passes, so a newer request replaces the rest of a list: probeAtInit's
    // awaits resolve as microtasks, which never give a message event its turn.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = waiting.shift();
    if (!next) break;
    const {id, config, histogramLayers} = next;
    const started = performance.now();
    try {
      if (!batch) throw new Error("no batch was sent before the first probe");
      const snapshot = await probeAtInit(config, await batch, {histogramLayers});
      scope.postMessage({type: "result", id, snapshot, workerMs: performance.now() - started});
    } catch (error) {
      scope.postMessage({type: "error", id, message: error instanceof Error ? error.message : String(error)});
    }
  }
  busy = false;
}

scope.onmessage = ({data}) => {
  if (data.type === "batch") {
    batch = inflateIfGzipped(data.bytes).then((bytes) => decodeShard(bytes, {name: "explorer batch"}));
    return;
  }
  waiting =
    data.type === "probes"
      ? data.points.map((point) => ({...point, histogramLayers: 0}))
      : [{id: data.id, config: data.config, histogramLayers: HISTOGRAM_PANELS}];
  if (!busy) void work();
};
