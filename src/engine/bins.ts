import type {Bins} from "./types.js";

/** Weights of every initialisation the site offers at std ≤ 0.5 fall inside; larger ones pile up at the ends. */
export const WEIGHT_BINS: Bins = {min: -1, max: 1, count: 40};

/** log10 |gradient| from 1e-12 to 1: vanishing shows as mass moving left, exploding as mass at the right. */
export const GRAD_LOG10_BINS: Bins = {min: -12, max: 0, count: 48};
