// The page side of the instant explorer: its controls (explorer.ts), one worker (explorer-worker.ts) given the
// fixed batch once, a request per settings change, and a view per answer. Answers to superseded requests are dropped, so the charts only
// ever show the newest settings. Each answer's latency is measured from the request to the frame after the page
// has redrawn (two animation frames), and recorded as a performance measure "explorer-redraw" for bench:browser.
import type {Snapshot, TrainConfig} from "../engine/types.js";
import type {FromExplorer, ToExplorer} from "./explorer-worker.js";
import {EXPLORER_CONTROLS, explorerConfig, explorerLabel} from "./explorer.js";
import {createExplorerTheory} from "./explorer-theory.js";
import {createViewStore} from "./view-store.js";
import {createControlRows} from "./remedy-inputs.js";
import {normalizeControlValues, type RemedyValues} from "./remedy-spec.js";

export interface ExplorerView {
  values: RemedyValues;
  /** Null until the first answer, and after an error. */
  snapshot: Snapshot | null;
  predicted: (number | null)[] | null;
  /** Worker time for the last answer, and the request-to-answer time seen by the page. */
  workerMs: number | null;
  answerMs: number | null;
  backend: string | null;
  message: string | null;
}

export interface Explorer {
  /** The controls, with their help lines. */
  element: HTMLElement;
  request(values: RemedyValues): void;
  subscribe(listener: (view: ExplorerView) => void): () => void;
  dispose(): void;
}

/** The explorer's worker (explorer-worker.ts), handed the fixed batch once. */
export interface ExplorerWorker {
  post(message: ToExplorer): void;
  terminate(): void;
}

/**
 * Starts an explorer worker and sends it `batch` once it has loaded; every answer goes to `onMessage`, and what
 * stops it (no Worker in this browser, a worker that fails, images that do not load) to `onProblem` as a line
 * for the reader. Null where the browser has no Worker.
 */
export function openExplorerWorker(
  batch: Promise<ArrayBuffer>,
  onMessage: (message: FromExplorer) => void,
  onProblem: (line: string) => void
): ExplorerWorker | null {
  // Every browser the site supports has module workers; without Worker at all the page says so.
  if (typeof Worker === "undefined") {
    onProblem("The explorer needs Web Workers, which this browser does not offer.");
    return null;
  }
  const worker = new Worker(import.meta.resolve("./explorer-worker.js"), {type: "module"});
  worker.onmessage = ({data}: MessageEvent<FromExplorer>) => onMessage(data);
  worker.onerror = (event) =>
    onProblem(`The explorer's worker failed: ${event.message || "it could not start"}`);
  batch.then(
    (bytes) => worker.postMessage({type: "batch", bytes} satisfies ToExplorer, [bytes]),
    (error) =>
      onProblem(`The explorer's images could not load: ${error instanceof Error ? error.message : error}`)
  );
  return {post: (message) => worker.postMessage(message), terminate: () => worker.terminate()};
}

/**
 *   const explorer = createExplorer(FileAttachment("data/explorer-batch.bin").arrayBuffer());
 *   invalidation.then(() => explorer.dispose());
 *   const probe = Generators.observe((notify) => explorer.subscribe(notify)); // ExplorerView
 */
export function createExplorer(batch: Promise<ArrayBuffer>): Explorer {
  const values = normalizeControlValues(EXPLORER_CONTROLS, {});
  const inputs = createControlRows(EXPLORER_CONTROLS, values);
  const store = createViewStore<ExplorerView>({
    values,
    snapshot: null,
    predicted: null,
    workerMs: null,
    answerMs: null,
    backend: null,
    message: null
  });
  /** The newest request: its id, config and when it was made. Answers to older ones are dropped. */
  let latest = 0;
  let latestConfig: TrainConfig | null = null;
  let askedAt = 0;
  const theory = createExplorerTheory();
  const show = (next: Partial<ExplorerView>) => store.update(next);
  const worker = openExplorerWorker(
    batch,
    (data) => {
      if (data.type === "ready")
        return show({
          backend: data.backend,
          message: data.problem && `wasm could not start (${data.problem}); using cpu`
        });
      if (data.id !== latest) return;
      const asked = askedAt;
      if (data.type === "error") return show({snapshot: null, predicted: null, message: data.message});
      const {predicted, problem} = theory.predict(data.id, latestConfig!, data.snapshot);
      show({
        snapshot: data.snapshot,
        predicted,
        workerMs: data.workerMs,
        answerMs: performance.now() - asked,
        message: problem
      });
      // The cells redraw on this notification; two frames later the new charts are on screen.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          performance.measure("explorer-redraw", {start: asked, end: performance.now()})
        )
      );
    },
    (message) => show({snapshot: null, message})
  );
  const post = (message: ToExplorer) => worker?.post(message);

  const request = (next: RemedyValues) => {
    latest++;
    askedAt = performance.now();
    store.update({values: next}, {quiet: true});
    try {
      const id = latest;
      const config = (latestConfig = explorerConfig(next));
      post({type: "probe", id, config});
      theory.schedule(id, config, () => id === latest);
    } catch (error) {
      show({snapshot: null, message: error instanceof Error ? error.message : String(error)});
    }
  };
  request(values);
  inputs.element.addEventListener("input", () => {
    const next = normalizeControlValues(EXPLORER_CONTROLS, inputs.read());
    if (JSON.stringify(next) !== JSON.stringify(store.view.values)) request(next);
  });
  return {
    element: inputs.element,
    request,
    subscribe: (listener) => store.subscribe(listener),
    dispose() {
      store.clear();
      worker?.terminate();
    }
  };
}

/** The line under the controls: what is shown and how long it took, an error, or what it waits for. */
export function explorerStatus(view: ExplorerView): string {
  if (view.message) return view.message;
  if (!view.snapshot) return "Building the first network…";
  const ms = (x: number | null) => `${(x ?? 0).toFixed(0)} ms`;
  return (
    `${explorerLabel(view.values)}: one pass took ${ms(view.workerMs)} in a worker (${view.backend}), ` +
    `${ms(view.answerMs)} from your change to the answer.`
  );
}
