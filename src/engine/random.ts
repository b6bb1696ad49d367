// Seeded pseudo-random numbers in plain JavaScript, so that initialisation, data order and splits are
// identical on every backend (tf.random* ops differ by backend and need seedrandom in the browser).

/** A generator of uniform floats in [0, 1). */
export type Random = () => number;

/** A seeded stream that knows where it is, so that what it yields can be remembered by position. */
export interface SeededRandom extends Random {
  readonly seed: number;
  /** How many numbers it has yielded. */
  readonly drawn: () => number;
  /** Moves on `count` numbers without computing them (mulberry32's state is seed + drawn·γ mod 2³²). */
  readonly skip: (count: number) => void;
}

/** mulberry32's increment γ: the state after k numbers is seed + k·γ mod 2³². */
const GAMMA = 0x6d2b79f5;

/** mulberry32: a 32-bit state generator with full period 2³²; plenty for shuffles and initialisation. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  let drawn = 0;
  const next = () => {
    state = (state + GAMMA) >>> 0;
    drawn++;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(next, {
    seed: seed >>> 0,
    drawn: () => drawn,
    skip(count: number) {
      state = (state + Math.imul(count, GAMMA)) >>> 0;
      drawn += count;
    }
  });
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
function boxMuller(n: number, random: Random): Float32Array {
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

// The normals of one seeded stream, remembered: memo.values[i] is the normal whose pair starts at number
// start + i − (i mod 2) of seed's stream. An explorer builds a fresh network of up to 50 layers on every slider
// change, always from the same seed: 904,448 draws at 50 layers, a third of its pass, the same each time.
/** Normals remembered at most (16 MB): a network of about 250 layers of 128 units. */
export const NORMAL_MEMO_MAX = 2 ** 22;
let memo: {seed: number; start: number; values: Float32Array; length: number} | null = null;

const isSeeded = (random: Random): random is SeededRandom =>
  typeof (random as Partial<SeededRandom>).skip === "function";

/**
 * n standard normal samples, two from each pair of the stream's numbers (the last pair's second unused when n
 * is odd). From a seededRandom they are remembered: drawing again from a position of the same seed returns the
 * numbers already computed there, and moves the stream on exactly as drawing them would.
 */
export function normalSamples(n: number, random: Random): Float32Array {
  if (!isSeeded(random)) return boxMuller(n, random);
  const out = new Float32Array(n);
  const at = random.drawn();
  let filled = 0;
  if (memo && memo.seed === random.seed) {
    const offset = at - memo.start;
    // Whole pairs only: the memo's last pair may be half used.
    const available = memo.length - (memo.length % 2) - offset;
    if (offset >= 0 && offset % 2 === 0 && available > 0) {
      filled = Math.min(n, available);
      out.set(memo.values.subarray(offset, offset + filled));
      random.skip(filled + (filled % 2));
    }
  }
  if (filled < n) {
    // `filled` is even here, so the rest starts at a pair of the stream.
    const rest = boxMuller(n - filled, random);
    out.set(rest, filled);
    remember(random.seed, at + filled, rest);
  }
  return out;
}

/** Adds normals drawn from `start` to the memo: appended where they continue it, else they replace it. */
function remember(seed: number, start: number, values: Float32Array): void {
  const whole = memo ? memo.length - (memo.length % 2) : 0;
  if (!memo || memo.seed !== seed || memo.start + whole !== start) {
    memo =
      values.length <= NORMAL_MEMO_MAX ? {seed, start, values: values.slice(), length: values.length} : null;
    return;
  }
  const length = whole + values.length;
  if (length > NORMAL_MEMO_MAX) return;
  if (length > memo.values.length) {
    const grown = new Float32Array(Math.min(NORMAL_MEMO_MAX, Math.max(length, 2 * memo.values.length)));
    grown.set(memo.values.subarray(0, whole));
    memo.values = grown;
  }
  memo.values.set(values, whole);
  memo.length = length;
}
