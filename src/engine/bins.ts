import type {Bins} from "./types.js";

/**
 * Bins 0.02 wide on [−1, 1]: about nine across PyTorch's default ±1/√128 ≈ ±0.09, so even the narrowest
 * initialisation shows a shape; weights of std ≥ 0.5 pile up in the end bins, which the charts show as such.
 */
export const WEIGHT_BINS: Bins = {min: -1, max: 1, count: 100};

/** log10 |gradient| from 1e-12 to 1: vanishing shows as mass moving left, exploding as mass at the right. */
export const GRAD_LOG10_BINS: Bins = {min: -12, max: 0, count: 48};

/**
 * Activation outputs h in bins 0.05 wide centred on −2, −1.95, …, 3 (101 bins on [−2.025, 3.025]): 0, ½ and ±1
 * are bin centres, so a sigmoid layer collapsed at σ(0) = ½ fills one bin, saturation at 0 or 1 (and tanh's at
 * ±1) fills the bins at the ends of that range, and dead ReLU units the bin at 0. The range reaches SELU's
 * floor −λα ≈ −1.76 and leaves ReLU room up to 3; values beyond fall into the end bins.
 */
export const ACTIVATION_BINS: Bins = {min: -2.025, max: 3.025, count: 101};

/** The percentiles of each hidden layer's pre-activation that snapshots carry (the BatchNorm paper's Fig. 1). */
export const PREACTIVATION_PERCENTILES = [0.15, 0.5, 0.85] as const;
