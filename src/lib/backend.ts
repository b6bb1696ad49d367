// Starting a TensorFlow.js backend where a run trains: in a module Web Worker (no document: WebGL goes through
// OffscreenCanvas) or, as a fallback, on the page. Which backend to use is decided by backend-choice.ts; the
// reader can force one with `?backend=webgpu|webgl|wasm|cpu`. Each backend registers into the single
// tfjs-core instance of the worker (or page) that imports this module.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

/** Every backend a run can use, fastest first where a real GPU exists. */
export const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === "string" && (BACKENDS as readonly string[]).includes(value);
}

/** The raw `backend` parameter of a query string ("?backend=wasm" → "wasm"), lowercased; null if absent or empty. */
export function backendFromUrl(search: string): string | null {
  const value = new URLSearchParams(search).get("backend")?.trim().toLowerCase();
  return value ? value : null;
}

let wasmLoaded: Promise<void> | null = null;

/** Loads the wasm backend (its flat ESM build; the package entry imports Node's fs) and ships its .wasm files. */
function loadWasm(): Promise<void> {
  return (wasmLoaded ??= (async () => {
    const wasm = (await import(
      // @ts-expect-error: the flat ESM file has no type declarations; its API is the package's.
      "@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js"
    )) as typeof import("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths({
      "tfjs-backend-wasm.wasm": import.meta
        .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
      "tfjs-backend-wasm-simd.wasm": import.meta
        .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm"),
      "tfjs-backend-wasm-threaded-simd.wasm": import.meta
        .resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm")
    });
  })());
}

/** A WebGL2 context where this code runs: OffscreenCanvas in a worker, a canvas element on a page. */
function hasWebGL(): boolean {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(1, 1).getContext("webgl2") !== null;
  if (typeof document === "undefined") return false;
  return document.createElement("canvas").getContext("webgl2") !== null;
}

/** Why `name` cannot even be tried here, or null if it can. */
function missing(name: BackendName): string | null {
  if (name === "webgpu" && !(typeof navigator !== "undefined" && "gpu" in navigator))
    return "this browser has no WebGPU (navigator.gpu)";
  if (name === "webgl" && !hasWebGL()) return "WebGL 2 is not available here";
  if (name === "wasm" && typeof WebAssembly !== "object") return "WebAssembly is not available here";
  return null;
}

/** Activates one backend and runs a tiny computation on it; returns why it cannot be used, or null. */
export async function startBackend(name: BackendName): Promise<string | null> {
  try {
    const absent = missing(name);
    if (absent) return absent;
    if (name === "webgpu") await import("@tensorflow/tfjs-backend-webgpu");
    else if (name === "webgl") await import("@tensorflow/tfjs-backend-webgl");
    else if (name === "wasm") await loadWasm();
    if (!(await tf.setBackend(name))) return "it failed to initialise";
    const y = tf.tidy(() => tf.sum(tf.square(tf.tensor1d([1, 2, 3]))));
    const value = (await y.data())[0];
    y.dispose();
    return value === 14 ? null : `a test computation gave ${value} instead of 14`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Frees a backend that lost (its GPU context or wasm memory), keeping cpu, the backend of last resort. */
export function releaseBackend(name: BackendName): void {
  // Not tf.findBackend: it would start initialising a backend that is registered but not running.
  if (name === "cpu" || !(name in tf.engine().registryFactory)) return;
  tf.removeBackend(name);
}
