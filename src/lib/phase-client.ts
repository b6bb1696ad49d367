// The theory page's phase diagram, page side: the explorer's controls (activation, and the reader's dot: init
// scale and depth) read from and written to the URL, and the measured points, one forward and backward pass each
// in an explorer worker (explorer-worker.ts), asked for as one list per activation. A new activation replaces
// the list still waiting in the worker, and answers about the old one are dropped (and counted as stale).
import type {PhaseDiagramData} from "../../components/phase-diagram.js";
import {ACTIVATIONS} from "../engine/activations.js";
import type {ActivationName} from "../engine/types.js";
import {openExplorerWorker} from "./explorer-client.js";
import {EXPLORER_CONTROLS, explorerConfig} from "./explorer.js";
import {
  MEASURED_POINTS,
  measuredRatio,
  predictedRatio,
  type PhasePrediction,
  type PhasePredictions
} from "./phase-diagram.js";
import {createControlRows} from "./remedy-inputs.js";
import {
  controlSearch,
  controlValuesFromUrl,
  normalizeControlValues,
  type RemedyValues
} from "./remedy-spec.js";
import {createViewStore} from "./view-store.js";

export interface MeasuredPoint {
  scale: number;
  depth: number;
  ratio: number;
}

export interface PhaseView {
  /** The reader's activation, init scale and depth. */
  values: RemedyValues;
  measured: MeasuredPoint[];
  /** Points of the current activation not measured yet. */
  pending: number;
  /** Answers that arrived for an activation the reader had already left (the pass under way when it changed). */
  stale: number;
  /** From the request to the newest answer, and the worker's own time for the passes so far. */
  elapsedMs: number;
  workerMs: number;
  backend: string | null;
  message: string | null;
  /** Ignored URL parameters, one line each. */
  notices: string[];
}

export interface PhaseProbe {
  element: HTMLElement;
  subscribe(listener: (view: PhaseView) => void): () => void;
  dispose(): void;
}

/** Ids of one list of points: generation × this + index, so an answer names the list it belongs to. */
const LIST = 1000;

export function createPhaseProbe(
  batch: Promise<ArrayBuffer>,
  search: string,
  history: Pick<History, "replaceState" | "state"> | null = globalThis.history ?? null
): PhaseProbe {
  const fromUrl = controlValuesFromUrl(EXPLORER_CONTROLS, search);
  const inputs = createControlRows(EXPLORER_CONTROLS, fromUrl.values);
  const store = createViewStore<PhaseView>({
    values: fromUrl.values,
    measured: [],
    pending: MEASURED_POINTS.length,
    stale: 0,
    elapsedMs: 0,
    workerMs: 0,
    backend: null,
    message: null,
    notices: fromUrl.problems
  });
  let generation = 0;
  let startedAt = 0;
  const show = (next: Partial<PhaseView>) => store.update(next);
  const worker = openExplorerWorker(
    batch,
    (data) => {
      if (data.type === "ready")
        return show({
          backend: data.backend,
          message: data.problem && `wasm could not start (${data.problem})`
        });
      if (Math.floor(data.id / LIST) !== generation) return show({stale: store.view.stale + 1});
      const point = MEASURED_POINTS[data.id % LIST]!;
      const ratio = data.type === "result" ? measuredRatio(data.snapshot) : NaN;
      show({
        measured: [...store.view.measured, {...point, ratio}],
        pending: store.view.pending - 1,
        elapsedMs: performance.now() - startedAt,
        workerMs: store.view.workerMs + (data.type === "result" ? data.workerMs : 0),
        message: data.type === "error" ? data.message : store.view.message
      });
    },
    (message) => show({message})
  );
  const measure = (activation: string) => {
    generation++;
    startedAt = performance.now();
    const points = MEASURED_POINTS.map(({scale, depth}, i) => ({
      id: generation * LIST + i,
      config: explorerConfig({activation, scale, depth})
    }));
    worker?.post({type: "probes", points});
    store.update({measured: [], pending: points.length, elapsedMs: 0, workerMs: 0}, {quiet: true});
  };
  measure(String(store.view.values.activation));
  inputs.element.addEventListener("input", () => {
    const values = normalizeControlValues(EXPLORER_CONTROLS, inputs.read());
    if (JSON.stringify(values) === JSON.stringify(store.view.values)) return;
    // A link reproduces the view: the settings go into the URL (no history entry per slider step).
    const query = controlSearch(EXPLORER_CONTROLS, values, globalThis.location?.search ?? search);
    history?.replaceState(history.state ?? null, "", `${globalThis.location?.pathname ?? ""}${query}`);
    if (values.activation !== store.view.values.activation) measure(String(values.activation));
    show({values});
  });
  return {
    element: inputs.element,
    subscribe: (listener) => store.subscribe(listener),
    dispose() {
      store.clear();
      worker?.terminate();
    }
  };
}

const label = (activation: unknown) => ACTIVATIONS[activation as ActivationName]?.label ?? String(activation);

/** The line under the diagram: progress of the measured points, or what went wrong. */
export function phaseStatus(view: PhaseView): string {
  const total = MEASURED_POINTS.length;
  const seconds = `${(view.elapsedMs / 1000).toFixed(1)} s`;
  const where = view.backend ? ` (${view.backend})` : "";
  const progress = view.pending
    ? `Measuring ${label(view.values.activation)}: ${view.measured.length} of ${total} points${view.measured.length ? `, ${seconds} so far` : ""}${where}…`
    : `All ${total} points measured for ${label(view.values.activation)} in ${seconds}${where}; ` +
      `the passes themselves took ${(view.workerMs / 1000).toFixed(1)} s.`;
  return view.message ? `${progress} ${view.message}` : progress;
}

/** What the chart draws: the activation's predictions, the points measured so far, the reader's setting. */
export function phaseData(predictions: PhasePredictions, view: PhaseView): PhaseDiagramData {
  const {activation, scale, depth} = view.values;
  const prediction = predictions.activations[String(activation)];
  return {
    activation: label(activation),
    scales: predictions.scales,
    depths: predictions.depths,
    grid: prediction?.grid ?? null,
    critical: prediction?.critical ?? [],
    depthScale: prediction?.depthScale ?? null,
    measured: view.measured.map((p) => ({...p, predicted: predictedAt(prediction, p)})),
    pending: view.pending,
    reader: {
      scale: Number(scale),
      depth: Number(depth),
      ratio: predictedRatio(String(activation), Number(scale), Number(depth))
    }
  };
}

/** The loader's prediction at one of MEASURED_POINTS (null without theory or for another point). */
export function predictedAt(prediction: PhasePrediction | undefined, point: {scale: number; depth: number}) {
  const i = MEASURED_POINTS.findIndex((p) => p.scale === point.scale && p.depth === point.depth);
  return prediction?.points?.[i] ?? null;
}

/** The measured points as table rows, in the order measured: setting, prediction and measurement in decades. */
export function phaseRows(predictions: PhasePredictions, view: PhaseView) {
  const prediction = predictions.activations[String(view.values.activation)];
  const decades = (x: number | null) => (x === null || Number.isNaN(x) ? "n/a" : x.toFixed(2));
  return view.measured.map((p) => ({
    std: p.scale,
    layers: p.depth,
    predicted: decades(predictedAt(prediction, p)),
    measured: decades(p.ratio)
  }));
}
