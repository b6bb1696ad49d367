import * as tf from "@tensorflow/tfjs-core";
import {ConfigError, kindsOf, type Registry} from "./options.js";
import {
  INV_SQRT_2PI,
  SELU_ALPHA,
  SELU_LAMBDA,
  scalarActivation,
  type ScalarActivation
} from "./activation-scalars.js";
import type {ActivationConfig, ActivationName} from "./types.js";

export {erf} from "./activation-scalars.js";

/** |f′(z)| below this counts as saturated for the smooth activations: the gradient is cut 100×. */
const FLAT = 0.01;

export const ACTIVATIONS = {
  sigmoid: {
    label: "Sigmoid",
    description: "σ(z) = 1/(1 + e⁻ᶻ); σ′ = σ(1 − σ) ≤ 1/4 at every layer.",
    options: {}
  },
  tanh: {label: "Tanh", description: "tanh(z) = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ); tanh′ = 1 − tanh² ≤ 1.", options: {}},
  relu: {
    label: "ReLU",
    description: "max(0, z): slope 1 for z > 0, 0 otherwise (units can die).",
    options: {}
  },
  "leaky-relu": {
    label: "Leaky ReLU",
    description: "z for z > 0, slope·z otherwise: a small gradient survives on the negative side.",
    options: {slope: {label: "Negative slope", min: 0, max: 1, default: 0.01, scale: "linear"}}
  },
  elu: {
    label: "ELU",
    description: "z for z > 0, α(eᶻ − 1) otherwise: smooth, levels off at −α.",
    options: {alpha: {label: "α", min: 0, minOpen: true, max: 10, default: 1, scale: "linear"}}
  },
  gelu: {label: "GELU", description: "z·Φ(z) with Φ the standard normal CDF (exact erf form).", options: {}},
  selu: {
    label: "SELU",
    description: "λz for z > 0, λα(eᶻ − 1) otherwise; λ ≈ 1.0507, α ≈ 1.6733.",
    options: {}
  },
  softplus: {label: "Softplus", description: "log(1 + eᶻ): a smooth ReLU whose slope is σ(z).", options: {}},
  maxout: {
    label: "Maxout",
    description: "max(z₁, z₂) of k = 2 affine pieces per unit (Dense is 2× wide).",
    options: {}
  }
} satisfies Registry<ActivationName>;

export interface Activation {
  readonly config: ActivationConfig;
  /** Affine pieces per unit: 1 for elementwise activations, 2 for maxout (its Dense layer is 2× wide). */
  readonly pieces: number;
  /**
   * PyTorch's nn.init.calculate_gain (He init uses it): sigmoid 1, tanh 5/3, relu √2, leaky-relu
   * √(2/(1 + slope²)), selu 3/4. PyTorch defines none for elu, gelu, softplus and maxout: they get 1 (linear).
   */
  readonly gain: number;
  /** h = f(z): [B, pieces·w] → [B, w]. */
  forward(z: tf.Tensor2D): tf.Tensor2D;
  /** ∂L/∂z = ∂L/∂h ⊙ f′(z), with f′ from whichever of the saved z and h is cheaper. */
  backward(dh: tf.Tensor2D, z: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D;
  /** Share of saturated or dead units on the batch (definitions at each activation below). */
  saturation(z: tf.Tensor2D, h: tf.Tensor2D): tf.Scalar;
  /** Scalar f(z) and f′(z) in plain numbers, for plots; null for maxout (not a function of one number). */
  readonly scalar: ScalarActivation | null;
}

const share = (mask: tf.Tensor): tf.Scalar => tf.mean(tf.cast(mask, "float32"));
/** Φ(z) = ½(1 + erf(z/√2)) as a tensor (tfjs's erf: Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
const tensorCdf = (z: tf.Tensor2D) => tf.mul(tf.add(tf.erf(tf.mul(z, Math.SQRT1_2)), 1), 0.5);

type Parts = Omit<Activation, "config" | "pieces" | "saturation"> & {
  pieces?: number;
  saturation?: Activation["saturation"];
};

/** Wraps each pass in tf.tidy so that only its result outlives the call (intermediates go at once). */
function build(config: ActivationConfig, parts: Parts): Activation {
  const {forward, backward, scalar, gain, pieces = 1} = parts;
  // Default (elu, selu, gelu, softplus): share of entries where |f′(z)| < 0.01, f′ being backward of dh = 1.
  const saturation =
    parts.saturation ?? ((z, h) => share(tf.less(tf.abs(backward(tf.onesLike(h), z, h)), FLAT)));
  return {
    config,
    pieces,
    gain,
    scalar,
    forward: (z) => tf.tidy(() => forward(z)),
    backward: (dh, z, h) => tf.tidy(() => backward(dh, z, h)),
    saturation: (z, h) => tf.tidy(() => saturation(z, h))
  };
}

/** scale·z for z > 0, scale·alpha·(eᶻ − 1) otherwise (ELU: scale 1; SELU); f′ = scale or h + scale·alpha. */
function exponentialLinear(
  config: ActivationConfig,
  {scale, alpha, gain, forward}: {scale: number; alpha: number; gain: number; forward: Parts["forward"]}
): Activation {
  const negative = scale * alpha;
  return build(config, {
    gain,
    forward,
    // On the negative side f′ = scale·alpha·eᶻ = h + scale·alpha: no exp in the backward pass.
    backward: (dh, z, h) => {
      const positive: tf.Tensor2D = scale === 1 ? dh : tf.mul(dh, scale);
      return tf.where(tf.greater(z, 0), positive, tf.mul<tf.Tensor2D>(dh, tf.add(h, negative)));
    },
    scalar: scalarActivation(config)
  });
}

/** The activation a config names; its options (slope, alpha) are taken as given (validate configs first). */
export function createActivation(config: ActivationConfig): Activation {
  switch (config.kind) {
    case "sigmoid":
      return build(config, {
        gain: 1,
        forward: (z) => tf.sigmoid(z),
        backward: (dh, _z, h) => tf.mul(dh, tf.mul(h, tf.sub(1, h))),
        // Within 0.01 of 0 or 1: σ′ < 0.0099, 25× below its value at the centre.
        saturation: (_z, h) => share(tf.greater(tf.abs(tf.sub(h, 0.5)), 0.49)),
        scalar: scalarActivation(config)
      });
    case "tanh":
      return build(config, {
        gain: 5 / 3,
        // tanh(z) = 2σ(2z) − 1: the same function, and on wasm ~4× faster than tf.tanh (1.3 ms against 0.3 ms
        // for [512, 128], measured), which runs a scalar loop while sigmoid has a vectorised kernel.
        forward: (z) => tf.sub(tf.mul(tf.sigmoid(tf.mul(z, 2)), 2), 1),
        backward: (dh, _z, h) => tf.mul(dh, tf.sub(1, tf.square(h))),
        // |h| > 0.97: tanh′ < 0.06.
        saturation: (_z, h) => share(tf.greater(tf.abs(h), 0.97)),
        scalar: scalarActivation(config)
      });
    case "relu":
      return build(config, {
        gain: Math.SQRT2,
        forward: (z) => tf.relu(z),
        // Subgradient 0 at z = 0, as PyTorch.
        backward: (dh, _z, h) => tf.mul(dh, tf.step(h, 0)),
        // A dead unit outputs 0 for every example of the batch, so no gradient reaches its weights.
        saturation: (_z, h) => share(tf.lessEqual(tf.max(h, 0), 0)),
        scalar: scalarActivation(config)
      });
    case "leaky-relu": {
      const {slope} = config;
      return build(config, {
        gain: Math.sqrt(2 / (1 + slope ** 2)),
        forward: (z) => tf.leakyRelu(z, slope),
        // step(z, slope) is 1 for z > 0 and slope otherwise: exactly f′.
        backward: (dh, z) => tf.mul(dh, tf.step(z, slope)),
        // Units with z ≤ 0 for every example: their gradient is only slope× (with slope 0, ReLU's dead units).
        saturation: (z) => share(tf.lessEqual(tf.max(z, 0), 0)),
        scalar: scalarActivation(config)
      });
    }
    case "elu": {
      const {alpha} = config;
      // tf.elu has α = 1; step(z, α) is 1 for z > 0 and α otherwise, so it rescales only the negative side.
      const forward = (z: tf.Tensor2D) =>
        alpha === 1 ? tf.elu(z) : tf.mul<tf.Tensor2D>(tf.elu(z), tf.step(z, alpha));
      return exponentialLinear(config, {scale: 1, alpha, gain: 1, forward});
    }
    case "selu":
      return exponentialLinear(config, {
        scale: SELU_LAMBDA,
        alpha: SELU_ALPHA,
        gain: 3 / 4,
        forward: tf.selu
      });
    case "gelu":
      return build(config, {
        gain: 1,
        forward: (z) => tf.mul(z, tensorCdf(z)),
        // f′ = Φ(z) + z·φ(z), φ(z) = e^(−z²/2)/√(2π); Φ is recomputed rather than kept from the forward pass.
        backward: (dh, z) =>
          tf.mul(
            dh,
            tf.add(tensorCdf(z), tf.mul(tf.mul(z, INV_SQRT_2PI), tf.exp(tf.mul(tf.square(z), -0.5))))
          ),
        scalar: scalarActivation(config)
      });
    case "softplus":
      return build(config, {
        gain: 1,
        forward: (z) => tf.softplus(z),
        backward: (dh, z) => tf.mul(dh, tf.sigmoid(z)),
        scalar: scalarActivation(config)
      });
    case "maxout":
      return build(config, {
        gain: 1,
        pieces: 2,
        // Unit j's pieces are columns 2j and 2j + 1: view z as [B, w, 2] and take the max over the last axis.
        forward: (z) => tf.max(tf.reshape(z, [z.shape[0], z.shape[1] / 2, 2]), 2),
        // The gradient goes to the winning piece only (ties: the first), the other piece gets 0.
        backward: (dh, z) => {
          const [batch, width] = dh.shape;
          // gather, not tf.split: wasm's split slices, and its slice copies all of z out of its heap first.
          const pieces = tf.reshape(z, [batch, width, 2]);
          const [first, second] = [tf.gather(pieces, [0], 2), tf.gather(pieces, [1], 2)];
          const toFirst = tf.mul(
            tf.reshape(dh, [batch, width, 1]),
            tf.cast(tf.greaterEqual(first, second), "float32")
          );
          const toSecond = tf.sub(tf.reshape(dh, [batch, width, 1]), toFirst);
          return tf.reshape(tf.concat([toFirst, toSecond], 2), [batch, 2 * width]);
        },
        // Piecewise linear with slope 1 on the winning piece: it never saturates.
        saturation: () => tf.scalar(0),
        scalar: null
      });
    default: {
      const unknown: never = config;
      const kind = String((unknown as {kind: unknown}).kind);
      throw new ConfigError(
        "activation.kind",
        `unknown activation "${kind}" (one of ${kindsOf(ACTIVATIONS).join(", ")})`
      );
    }
  }
}
