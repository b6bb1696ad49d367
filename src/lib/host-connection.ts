// A line to a run host (run-host.ts): a module Web Worker of its own, or, where module workers are missing,
// a host on the page's main thread loaded on demand (the page then loads TensorFlow.js itself).
import type {FromHost, ToHost} from "./run-protocol.js";

export interface HostConnection {
  kind: "worker" | "page";
  post(message: ToHost): void;
  /** Ends the host; a worker's memory (tensors included) goes with it. */
  terminate(): void;
}

export interface HostEvents {
  message(message: FromHost): void;
  /** The host died or could not start (script failed to load, uncaught error). */
  failure(reason: string): void;
}

/** Workers alive now, across the page: shown on the page and checked by the leak test. */
let liveWorkers = 0;
export const liveWorkerCount = () => liveWorkers;

/**
 * Starts the training worker, or returns null where this browser cannot run module workers (it never asks
 * for the `type` option, so the getter below is never read).
 */
export function connectWorker(events: HostEvents): HostConnection | null {
  if (typeof Worker === "undefined") return null;
  let moduleAware = false;
  const options = {
    get type() {
      moduleAware = true;
      return "module" as const;
    }
  };
  // A literal path, so that Framework builds the worker and rewrites this call to its hashed URL.
  const worker = new Worker(import.meta.resolve("./training-worker.js"), options);
  if (!moduleAware) {
    worker.terminate();
    return null;
  }
  liveWorkers++;
  let alive = true;
  const terminate = () => {
    if (!alive) return;
    alive = false;
    liveWorkers--;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<FromHost>) => events.message(event.data);
  worker.onerror = (event) => {
    event.preventDefault(); // reported on the page instead of as an uncaught error
    terminate();
    events.failure(event.message || "the worker script could not be loaded");
  };
  worker.onmessageerror = () => events.failure("a message from the worker could not be read");
  return {kind: "worker", post: (message) => alive && worker.postMessage(message), terminate};
}

/** A host on the page's own thread. Messages are delivered a microtask later, as a worker's would be. */
export async function connectPage(events: HostEvents): Promise<HostConnection> {
  const {createRunHost} = await import("./run-host.js");
  let alive = true;
  const handle = createRunHost((message) => queueMicrotask(() => alive && events.message(message)));
  queueMicrotask(() => alive && events.message({type: "ready"}));
  return {
    kind: "page",
    post: (message) => queueMicrotask(() => alive && handle(message)),
    terminate() {
      // The page's runs stop at their next step and free their tensors; nothing more arrives.
      if (alive) handle({type: "stop"});
      alive = false;
    }
  };
}
