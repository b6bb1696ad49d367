// Layer-wise training's blocks: which hidden layers each block holds. Tensor-free, so pages that only read a
// run's declared stage table (the replays, the stage timeline) need not load the model code of stages.ts.

/** Hidden units (1-based indices) of each block, from the block sizes. */
export function blockUnits(blockSizes: readonly number[]): number[][] {
  let next = 1;
  return blockSizes.map((size) => Array.from({length: size}, () => next++));
}
