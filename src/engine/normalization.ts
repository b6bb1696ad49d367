// Normalization between each hidden Dense layer and its activation: the registry of kinds and their options
// (read by validation, presets and page controls) and the factory that builds the layer of a config.
import {BatchNorm} from "./batchnorm.js";
import type {Layer} from "./layer.js";
import {LayerNorm} from "./layernorm.js";
import {validateStrategy, type NumberOption, type Registry} from "./options.js";
import {Standardize} from "./standardize.js";
import type {NormalizationConfig, NormalizationKind} from "./types.js";

/** ε of every kind: PyTorch's 1e-5, on a log slider; 0 is excluded (a constant feature would divide by 0). */
const EPS: NumberOption = {label: "ε", min: 0, max: 1, minOpen: true, default: 1e-5, scale: "log"};

export const NORMALIZATIONS = {
  none: {
    label: "None",
    description: "Each Dense layer's output goes straight into its activation.",
    options: {}
  },
  batchnorm: {
    label: "Batch norm",
    description:
      "PyTorch's BatchNorm1d: y = γ·(x − μ_B)/√(σ²_B + ε) + β per unit over the batch; running averages " +
      "(weight m for the new batch) replace μ_B and σ²_B in evaluation.",
    options: {
      momentum: {label: "Momentum", min: 0, max: 1, default: 0.1, scale: "linear"},
      eps: EPS
    }
  },
  standardize: {
    label: "Standardize (the study's)",
    description:
      "The study's layer: y = (x − mean)/(std + ε) per unit over the batch (unbiased std), no γ or β, " +
      "batch statistics in evaluation too.",
    options: {eps: EPS}
  },
  layernorm: {
    label: "Layer norm",
    description:
      "PyTorch's LayerNorm: y = γ·(x − μ)/√(σ² + ε) + β with μ, σ² over the units of each example.",
    options: {eps: EPS}
  }
} satisfies Registry<NormalizationKind>;

/**
 * The normalization layer of `config` for a hidden layer of `width` units, or null for "none". The config is
 * validated against NORMALIZATIONS first, so an unknown kind or a missing or out-of-range option is a
 * ConfigError (field "normalization…"), never a silently defaulted layer.
 */
export function createNormalization(config: NormalizationConfig, width: number, name: string): Layer | null {
  validateStrategy("normalization", NORMALIZATIONS, config);
  switch (config.kind) {
    case "none":
      return null;
    case "batchnorm":
      return new BatchNorm(name, width, {momentum: config.momentum, eps: config.eps});
    case "standardize":
      return new Standardize(name, config.eps);
    case "layernorm":
      return new LayerNorm(name, width, config.eps);
    default: {
      const unknown: never = config;
      throw new Error(`unknown normalization ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}
