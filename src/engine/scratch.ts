import * as tf from "@tensorflow/tfjs-core";

// Batches are assembled in JavaScript arrays and then made tensors (batches.ts). A fresh Float32Array is not
// free: in chromium here a new 1.6 MB array costs about 6 ms of page faults the first time it is written, so a
// training step of 512 images, which writes x and xᵀ, lost a quarter of its time to memory it used once.
// Where the backend copies a tensor's values as the tensor is made (wasm copies them into its own heap), the
// same arrays can be written again for the next batch. Where it keeps the array itself (cpu, and webgl or
// webgpu until they upload), a reused array would rewrite tensors already made, so each batch gets new ones.

/** Per backend instance, not name: a backend removed and registered again under its name is tried again. */
const copiesByBackend = new WeakMap<object, boolean>();

/**
 * Whether the active backend copies a new tensor's values, so that the source array can be rewritten at once.
 * Found by trying it once per backend: make a one-element tensor, change the array, read the tensor back.
 */
export function backendCopiesValues(): boolean {
  const backend = tf.backend();
  let copies = copiesByBackend.get(backend);
  if (copies === undefined) {
    const values = new Float32Array([1]);
    const probe = tf.tensor1d(values);
    values[0] = 2;
    try {
      copies = probe.dataSync()[0] === 1;
    } catch {
      copies = false; // a backend that cannot read synchronously: assume it keeps the array
    } finally {
      probe.dispose();
    }
    copiesByBackend.set(backend, copies);
  }
  return copies;
}

/** Arrays longer than this (16 MB of float32) are not kept between batches: batches of over 5,000 images. */
export const SCRATCH_MAX_LENGTH = 2 ** 22;

/**
 * One reusable Float32Array: `take(length)` returns `length` elements of it, zeroed when asked, valid until the
 * next take. It keeps its buffer only when `reusable()` says the arrays it hands out may be rewritten (by
 * default, when the backend copies tensor values) and the length is at most SCRATCH_MAX_LENGTH; otherwise
 * every take is a new array.
 */
export class Scratch {
  private buffer: Float32Array | null = null;

  constructor(private reusable: () => boolean = backendCopiesValues) {}

  take(length: number, zeroed: boolean): Float32Array {
    if (length > SCRATCH_MAX_LENGTH || !this.reusable()) {
      this.buffer = null;
      return new Float32Array(length);
    }
    if (!this.buffer || this.buffer.length < length) {
      this.buffer = new Float32Array(length);
      return this.buffer;
    }
    const view = this.buffer.subarray(0, length);
    if (zeroed) view.fill(0);
    return view;
  }
}
