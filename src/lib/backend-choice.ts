// The fastest backend for this device, chosen by measurement: each backend that starts trains a few real steps
// of the page's config, the fastest wins. The result is remembered per device (the page keeps it in
// localStorage, which workers cannot reach); a new browser version, GPU or TensorFlow.js measures again.
import * as tf from "@tensorflow/tfjs-core";
import type {TrainConfig} from "../engine/types.js";
import {BACKENDS, isBackendName, releaseBackend, startBackend, type BackendName} from "./backend.js";
import {timeSteps} from "./step-timer.js";

/** Measured first: wasm is reliable everywhere, so slower backends after it can stop after one timed step. */
const MEASURE_ORDER: readonly BackendName[] = ["wasm", "webgpu", "webgl", "cpu"];
/** A backend whose timed step takes this many times the best so far has lost; no need to time it further. */
const GIVE_UP_FACTOR = 1.5;

export interface BackendResult {
  name: BackendName;
  /** Median ms per training step, or null if it could not start or was stopped early. */
  msPerStep: number | null;
  /** Why it lost or could not start; null for the winner. */
  note: string | null;
}

export interface BackendReport {
  /** The backend now active. */
  name: BackendName;
  msPerStep: number | null;
  /** "measured" now, "remembered" from an earlier measurement on this device, or "forced" by ?backend=. */
  how: "measured" | "remembered" | "forced";
  results: BackendResult[];
  /** A sentence for the reader when the page's request could not be met (bad or failing ?backend=). */
  notice: string | null;
  /** What the page should remember (null when nothing new was measured). */
  remember: RememberedChoice | null;
}

export interface RememberedChoice {
  key: string;
  report: Omit<BackendReport, "remember" | "how" | "notice">;
}

/** Identifies the browser build, the GPU and TensorFlow.js: a change in any of them calls for a new measurement. */
export async function deviceKey(): Promise<string> {
  const nav = typeof navigator === "undefined" ? null : navigator;
  const parts = [
    nav?.userAgent ?? "no navigator",
    String(nav?.hardwareConcurrency),
    `tfjs ${tf.version_core}`
  ];
  try {
    const gl = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1).getContext("webgl2") : null;
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    if (gl && info) parts.push(String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)));
  } catch {
    parts.push("no webgl");
  }
  const gpu = (nav as {gpu?: {requestAdapter(): Promise<{info?: Record<string, string>} | null>}} | null)
    ?.gpu;
  const adapter = await gpu?.requestAdapter().catch(() => null);
  if (adapter?.info) parts.push(["vendor", "architecture", "device"].map((k) => adapter.info![k]).join("/"));
  return parts.join(" | ");
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Starts and times every backend in turn; the fastest is left active and the others are released. */
async function measureAll(config: TrainConfig): Promise<{name: BackendName; results: BackendResult[]}> {
  const results: BackendResult[] = [];
  let best: BackendResult | null = null;
  for (const name of MEASURE_ORDER) {
    const failure = await startBackend(name);
    if (failure) {
      results.push({name, msPerStep: null, note: `could not start: ${failure}`});
      continue;
    }
    const limit = best?.msPerStep ? best.msPerStep * GIVE_UP_FACTOR : Infinity;
    const timing = await timeSteps(config, 3, limit);
    const result: BackendResult = {name, msPerStep: timing.msPerStep && round(timing.msPerStep), note: null};
    if (timing.slowerThanMs !== null) result.note = `a step took ${Math.round(timing.slowerThanMs)} ms`;
    results.push(result);
    if (result.msPerStep !== null && (!best || result.msPerStep < best.msPerStep!)) best = result;
  }
  if (!best)
    throw new Error(`no backend could start: ${results.map((r) => `${r.name} ${r.note}`).join("; ")}`);
  for (const result of results) {
    if (result === best) continue;
    result.note ??= `${(result.msPerStep! / best.msPerStep!).toFixed(1)}× slower`;
    releaseBackend(result.name);
  }
  const failure = await startBackend(best.name);
  if (failure !== null) throw new Error(`${best.name} stopped working after timing: ${failure}`);
  return {name: best.name, results};
}

export interface ChoiceRequest {
  config: TrainConfig;
  /** The raw ?backend= value, or null. */
  forced: string | null;
  remembered: RememberedChoice | null;
}

/** Activates the backend for this device: the forced one if it starts, else the remembered or measured fastest. */
export async function chooseBackend({config, forced, remembered}: ChoiceRequest): Promise<BackendReport> {
  let notice: string | null = null;
  if (forced !== null && !isBackendName(forced))
    notice = `Ignored ?backend=${forced.slice(0, 40)}: it must be one of ${BACKENDS.join(", ")}.`;
  else if (forced !== null) {
    const failure = await startBackend(forced);
    if (failure === null) {
      const {msPerStep} = await timeSteps(config);
      return {
        name: forced,
        msPerStep: msPerStep && round(msPerStep),
        how: "forced",
        results: [],
        notice,
        remember: null
      };
    }
    notice = `The ${forced} backend asked for in the URL cannot be used: ${failure}.`;
  }
  const key = await deviceKey();
  if (remembered?.key === key && (await startBackend(remembered.report.name)) === null)
    return {...remembered.report, how: "remembered", notice, remember: null};
  const {name, results} = await measureAll(config);
  const report = {name, msPerStep: results.find((r) => r.name === name)!.msPerStep, results};
  return {...report, how: "measured", notice, remember: {key, report}};
}
