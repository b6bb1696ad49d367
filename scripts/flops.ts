/** The matrix products of one training step of an MLP, as [rows, inner, cols] triples. */
export function stepMatMuls(batch: number, sizes: readonly number[]): [number, number, number][] {
  const products: [number, number, number][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const [fanIn, fanOut] = [sizes[l]!, sizes[l + 1]!];
    products.push([batch, fanIn, fanOut]); // forward: x W
    products.push([fanIn, batch, fanOut]); // ∂L/∂W = xᵀ g
    if (l > 0) products.push([batch, fanOut, fanIn]); // ∂L/∂x = g Wᵀ (not needed for the input)
  }
  return products;
}

/** Multiply–adds count as 2 FLOPs; elementwise work is a few % of the total and left out. */
export function matMulFlops(products: readonly [number, number, number][]): number {
  return products.reduce((sum, [m, k, n]) => sum + 2 * m * k * n, 0);
}
