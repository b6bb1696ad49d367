// Seeded pseudo-random numbers in plain JavaScript, so that initialisation, data order and splits are
// identical on every backend (tf.random* ops differ by backend and need seedrandom in the browser).

/** A generator of uniform floats in [0, 1). */
export type Random = () => number;

/** mulberry32: a 32-bit state generator with full period 2³²; plenty for shuffles and initialisation. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place: every permutation equally likely given a uniform source. */
export function shuffleInPlace<T extends {length: number; [i: number]: unknown}>(
  array: T,
  random: Random
): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = array[i];
    array[i] = array[j];
    array[j] = tmp;
  }
  return array;
}

/** A seeded permutation of 0..n−1. */
export function permutation(n: number, random: Random): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, random);
}

/** Standard normal samples by the Box–Muller transform (u1 ∈ (0, 1] keeps log finite). */
export function normalSamples(n: number, random: Random): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u1 = 1 - random();
    const u2 = random();
    const r = Math.sqrt(-2 * Math.log(u1));
    out[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
  return out;
}
