// The optimizer registry (names, options, PyTorch's defaults) and its factory. The update rules, with their
// maths, are in optimizer-rules.ts. Notation: p a param, g = ∂L/∂p, η the learning rate, t the step count.
import {adagrad, adam, heavyBall, rmsprop, sgd, withState, type Optimizer} from "./optimizer-rules.js";
import {ConfigError, type NumberOption, type Registry, type StrategySpec} from "./options.js";
import type {OptimizerConfig, OptimizerKind} from "./types.js";

export type {Optimizer, ParamUpdate} from "./optimizer-rules.js";

const learningRate = (value: number): NumberOption => ({
  label: "Learning rate η",
  min: 0,
  minOpen: true,
  max: 10,
  default: value,
  scale: "log"
});
const eps = (value: number): NumberOption => ({
  label: "ε",
  min: 0,
  minOpen: true,
  max: 1,
  default: value,
  scale: "log"
});
const decay = (label: string, value: number): NumberOption => ({
  label,
  min: 0,
  max: 0.9999,
  default: value,
  scale: "linear"
});
const momentum: NumberOption = {label: "Momentum μ", min: 0, max: 0.999, default: 0.9, scale: "linear"};

/** The option names of one kind: exactly the numeric fields of its OptimizerConfig. */
type OptionNames<K extends OptimizerKind> = Exclude<keyof (OptimizerConfig & {kind: K}), "kind">;
/** A spec per kind whose options are exactly its config's fields (a missing or extra one is a compile error). */
type SpecsMatchingConfigs = {
  [K in OptimizerKind]: Omit<StrategySpec, "options"> & {options: Record<OptionNames<K>, NumberOption>};
};

/** Defaults are PyTorch's; SGD's 1e-3 is torch ≥ 2.2's (the study's 0.01 comes from the presets). */
export const OPTIMIZERS = {
  sgd: {
    label: "SGD",
    description: "Plain gradient descent (PyTorch's SGD): p ← p − η·g.",
    options: {learningRate: learningRate(1e-3)}
  },
  momentum: {
    label: "Momentum",
    description:
      "Heavy-ball momentum (PyTorch's SGD with momentum μ): b ← μ·b + g (b = g on the first step), p ← p − η·b; μ = 0.9 is the conventional choice (PyTorch's default 0 would be plain SGD).",
    options: {learningRate: learningRate(1e-3), momentum}
  },
  nesterov: {
    label: "Nesterov",
    description:
      "Nesterov momentum (PyTorch's SGD with nesterov=True): b ← μ·b + g (b = g on the first step), p ← p − η·(g + μ·b); μ = 0.9 is the conventional choice (PyTorch's default 0 would be plain SGD).",
    options: {learningRate: learningRate(1e-3), momentum}
  },
  rmsprop: {
    label: "RMSprop",
    description: "PyTorch's RMSprop: v ← α·v + (1 − α)·g² (v = 0 at first), p ← p − η·g / (√v + ε).",
    options: {learningRate: learningRate(1e-2), alpha: decay("Smoothing α", 0.99), eps: eps(1e-8)}
  },
  adagrad: {
    label: "Adagrad",
    description: "PyTorch's Adagrad: s ← s + g² (s = 0 at first), p ← p − η·g / (√s + ε).",
    options: {learningRate: learningRate(1e-2), eps: eps(1e-10)}
  },
  adam: {
    label: "Adam",
    description:
      "PyTorch's Adam: m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², p ← p − η·m̂ / (√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).",
    options: {
      learningRate: learningRate(1e-3),
      beta1: decay("β₁", 0.9),
      beta2: decay("β₂", 0.999),
      eps: eps(1e-8)
    }
  },
  adamw: {
    label: "AdamW",
    description: "PyTorch's AdamW: decoupled weight decay p ← p·(1 − η·λ), then the Adam step.",
    options: {
      learningRate: learningRate(1e-3),
      beta1: decay("β₁", 0.9),
      beta2: decay("β₂", 0.999),
      eps: eps(1e-8),
      weightDecay: {label: "Weight decay λ", min: 0, max: 1, default: 1e-2, scale: "linear"}
    }
  }
} satisfies SpecsMatchingConfigs satisfies Registry<OptimizerKind>;

export function createOptimizer(config: OptimizerConfig): Optimizer {
  switch (config.kind) {
    case "sgd":
      return withState(sgd(config.learningRate));
    case "momentum":
    case "nesterov":
      return withState(heavyBall(config.learningRate, config.momentum, config.kind === "nesterov"));
    case "rmsprop":
      return withState(rmsprop(config.learningRate, config.alpha, config.eps));
    case "adagrad":
      return withState(adagrad(config.learningRate, config.eps));
    case "adam":
      return withState(adam(config.learningRate, config.beta1, config.beta2, config.eps, 0));
    case "adamw":
      return withState(adam(config.learningRate, config.beta1, config.beta2, config.eps, config.weightDecay));
    default: {
      const unknown: never = config;
      throw new ConfigError(
        "optimizer.kind",
        `unknown optimizer ${String((unknown as {kind: unknown}).kind)}`
      );
    }
  }
}
