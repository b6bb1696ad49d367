import {ConfigError, kindsOf, type NumberOption, type Registry} from "./options.js";
import {normalSamples, type Random} from "./random.js";
import type {InitConfig, InitKind} from "./types.js";

// Weights are drawn in JavaScript from a seeded source, so every backend starts from the same numbers. W is
// [fanIn, fanOut] (row-major, y = xW); PyTorch's nn.Linear stores Wᵀ, so its fan_in is our fanIn all the same.
// Normal draws are untruncated, as in the study.

const positive = (label: string, value: number): NumberOption => ({
  label,
  min: 0,
  minOpen: true,
  max: 100,
  default: value,
  scale: "log"
});

export const INIT_SCHEMES = {
  "pytorch-default": {
    label: "PyTorch default",
    description: "nn.Linear's default: W ~ U(±1/√fanIn) and b ~ U(±1/√fanIn).",
    options: {}
  },
  normal: {label: "Normal", description: "W ~ N(0, std²), b = 0.", options: {std: positive("Std", 0.05)}},
  uniform: {
    label: "Uniform",
    description: "W ~ U(±bound), b = 0.",
    options: {bound: positive("Bound", 0.05)}
  },
  "xavier-normal": {
    label: "Xavier (Glorot) normal",
    description: "W ~ N(0, std²), std = gain·√(2/(fanIn + fanOut)); b = 0.",
    options: {gain: positive("Gain", 1)}
  },
  "xavier-uniform": {
    label: "Xavier (Glorot) uniform",
    description: "W ~ U(±gain·√(6/(fanIn + fanOut))); b = 0.",
    options: {gain: positive("Gain", 1)}
  },
  "he-normal": {
    label: "He (Kaiming) normal",
    description: "W ~ N(0, std²), std = scale·gain/√fanIn, gain from the activation (ReLU √2); b = 0.",
    options: {scale: positive("Scale", 1)}
  },
  "he-uniform": {
    label: "He (Kaiming) uniform",
    description: "W ~ U(±scale·gain·√(3/fanIn)), gain from the activation (ReLU √2); b = 0.",
    options: {scale: positive("Scale", 1)}
  },
  orthogonal: {
    label: "Orthogonal",
    description:
      "W = gain·Q, Q with orthonormal columns (rows if fanIn < fanOut) from a Gaussian's QR; b = 0.",
    options: {gain: positive("Gain", 1)}
  }
} satisfies Registry<InitKind>;

export interface DenseInit {
  /** fanIn × fanOut, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

/** N(0, std²) samples: standard normals (Box–Muller) each times std, rounded to float32 once. */
function normal(size: number, std: number, random: Random): Float32Array {
  const out = normalSamples(size, random);
  for (let i = 0; i < size; i++) out[i] = out[i]! * std;
  return out;
}

/** U(−bound, bound) samples, one draw each: (2u − 1)·bound. */
function uniform(size: number, bound: number, random: Random): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (2 * random() - 1) * bound;
  return out;
}

/**
 * torch.nn.init.orthogonal_: the Q of a Gaussian matrix's QR decomposition, sign-corrected by diag(R) so that
 * Q is Haar-distributed. Modified Gram–Schmidt in float64 yields R with a positive diagonal, i.e. the QR that
 * the sign correction selects, directly. A is [m, n] with m = max(fanIn, fanOut), so Q has n orthonormal
 * columns: W = gain·Q when fanIn ≥ fanOut (WᵀW = gain²·I), else W = gain·Qᵀ (WWᵀ = gain²·I).
 */
function orthogonal(fanIn: number, fanOut: number, gain: number, random: Random): Float32Array {
  const m = Math.max(fanIn, fanOut);
  const n = Math.min(fanIn, fanOut);
  // Column-major: column j is q[j·m .. (j + 1)·m), so the inner loops run over contiguous memory.
  const q = Float64Array.from(normalSamples(m * n, random));
  for (let j = 0; j < n; j++) {
    const cj = j * m;
    for (let ck = 0; ck < cj; ck += m) {
      // Subtract the projection on each earlier column (already unit length) from the current column.
      let r = 0;
      for (let i = 0; i < m; i++) r += q[ck + i]! * q[cj + i]!;
      for (let i = 0; i < m; i++) q[cj + i]! -= r * q[ck + i]!;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q[cj + i]! * q[cj + i]!;
    const inverse = 1 / Math.sqrt(norm);
    for (let i = 0; i < m; i++) q[cj + i]! *= inverse;
  }
  // Q[i, j] is q[j·m + i]. W[r, c] is at r·fanOut + c: Q itself when fanIn = m, else Qᵀ.
  const weights = new Float32Array(fanIn * fanOut);
  for (let r = 0; r < fanIn; r++) {
    for (let c = 0; c < fanOut; c++)
      weights[r * fanOut + c] = gain * (fanIn >= fanOut ? q[c * m + r]! : q[r * m + c]!);
  }
  return weights;
}

/**
 * Initial weights and biases of a dense layer. `gain` is the activation's nn.init.calculate_gain, used by the
 * he-* schemes only. The pytorch-default and normal draws (their order and values) are fixed: committed runs
 * replay them.
 */
export function initDense(
  fanIn: number,
  fanOut: number,
  init: InitConfig,
  random: Random,
  gain: number
): DenseInit {
  const size = fanIn * fanOut;
  const zeros = () => new Float32Array(fanOut);
  switch (init.kind) {
    case "pytorch-default": {
      // kaiming_uniform_(a = √5) gives bound √(6/((1 + 5)·fanIn)) = 1/√fanIn; the bias uses the same bound.
      const bound = 1 / Math.sqrt(fanIn);
      const weights = uniform(size, bound, random);
      return {weights, bias: uniform(fanOut, bound, random)};
    }
    case "normal":
      return {weights: normal(size, init.std, random), bias: zeros()};
    case "uniform":
      return {weights: uniform(size, init.bound, random), bias: zeros()};
    // Glorot & Bengio: Var W = 2/(fanIn + fanOut) keeps the variance of both passes about constant.
    case "xavier-normal":
      return {weights: normal(size, init.gain * Math.sqrt(2 / (fanIn + fanOut)), random), bias: zeros()};
    case "xavier-uniform":
      return {weights: uniform(size, init.gain * Math.sqrt(6 / (fanIn + fanOut)), random), bias: zeros()};
    // He et al.: Var W = gain²/fanIn keeps the forward variance constant through the activation.
    case "he-normal":
      return {weights: normal(size, (init.scale * gain) / Math.sqrt(fanIn), random), bias: zeros()};
    case "he-uniform":
      return {weights: uniform(size, init.scale * gain * Math.sqrt(3 / fanIn), random), bias: zeros()};
    case "orthogonal":
      return {weights: orthogonal(fanIn, fanOut, init.gain, random), bias: zeros()};
    default: {
      const unknown: never = init;
      const kind = String((unknown as {kind: unknown}).kind);
      throw new ConfigError(
        "init.kind",
        `unknown init scheme "${kind}" (one of ${kindsOf(INIT_SCHEMES).join(", ")})`
      );
    }
  }
}
