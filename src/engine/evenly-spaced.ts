// Which of many layers to show when a page has room for a few (no tensors: pages import it too).

/**
 * `picks` indices spread evenly over 0 … count − 1, the first and the last included (all of them when count ≤
 * picks): the hidden layers a deep network's histograms are shown for.
 */
export function evenlySpaced(count: number, picks: number): Set<number> {
  if (count <= picks) return new Set(Array.from({length: count}, (_, i) => i));
  if (picks < 2) return new Set(picks === 1 ? [0] : []);
  return new Set(Array.from({length: picks}, (_, i) => Math.round((i * (count - 1)) / (picks - 1))));
}
