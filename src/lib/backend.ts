// Chooses the TensorFlow.js backend in the browser: webgl, then wasm, then cpu, or the one asked for with
// `?backend=webgl|wasm|cpu`. Every backend registers into the single tfjs-core instance that pages import.
//
//   import {backendFromUrl, selectBackend} from "./lib/backend.js";
//   const backend = await selectBackend(backendFromUrl(location.search));
//   // backend.name: "webgl" | "wasm" | "cpu"; backend.fallbackReason: why it is not the first choice, or null
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";

export const BACKENDS = ["webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface BackendSelection {
  /** The backend now active in tf. */
  name: BackendName;
  /** Null if the requested backend (or, with none requested, webgl) is active; otherwise a sentence saying why not. */
  fallbackReason: string | null;
}

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

function hasWebGL(): boolean {
  const canvas = document.createElement("canvas");
  return Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
}

/** Activates one backend and runs a tiny computation on it; returns why it cannot be used, or null. */
async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === "webgl") {
      if (!hasWebGL()) return "WebGL is not available in this browser";
      await import("@tensorflow/tfjs-backend-webgl");
    } else if (name === "wasm") {
      if (typeof WebAssembly !== "object") return "WebAssembly is not available in this browser";
      await loadWasm();
    }
    if (!(await tf.setBackend(name))) return "it failed to initialise (see the console)";
    const y = tf.tidy(() => {
      const x = tf.tensor1d([1, 2, 3]);
      return tf.sum(tf.mul(x, x));
    });
    const value = (await y.data())[0];
    y.dispose();
    if (value !== 14) return `a test computation gave ${value} instead of 14`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes `requested` (one of BACKENDS, case-insensitive) the active backend, or the best that works, in the order
 * webgl, wasm, cpu. An unknown name or a backend that fails is explained in `fallbackReason`. Calls are queued.
 */
export function selectBackend(requested?: string | null): Promise<BackendSelection> {
  const result = queue.then(() => select(requested));
  queue = result.catch(() => {});
  return result;
}

async function select(requested?: string | null): Promise<BackendSelection> {
  const reasons: string[] = [];
  const wanted = requested?.trim().toLowerCase() || null;
  let order: BackendName[] = [...BACKENDS];
  if (wanted && isBackendName(wanted)) order = [wanted, ...BACKENDS.filter((b) => b !== wanted)];
  else if (wanted)
    reasons.push(`Unknown backend "${wanted.slice(0, 40)}": it must be one of ${BACKENDS.join(", ")}.`);
  for (const name of order) {
    const failure = await tryBackend(name);
    if (failure === null) {
      if (reasons.length) reasons.push(`Using ${name}.`);
      return {name, fallbackReason: reasons.length ? reasons.join(" ") : null};
    }
    reasons.push(`The ${name} backend cannot be used: ${failure}.`);
  }
  throw new Error(reasons.join(" "));
}
