import type {Bins} from "./types.js";

/**
 * Bins 0.02 wide on [−1, 1]: about nine across PyTorch's default ±1/√128 ≈ ±0.09, so even the narrowest
 * initialisation shows a shape; weights of std ≥ 0.5 pile up in the end bins, which the charts show as such.
 */
export const WEIGHT_BINS: Bins = {min: -1, max: 1, count: 100};

/** log10 |gradient| from 1e-12 to 1: vanishing shows as mass moving left, exploding as mass at the right. */
export const GRAD_LOG10_BINS: Bins = {min: -12, max: 0, count: 48};
