// The exported script's initialisation: src/engine/init.ts ported draw for draw, so the script starts from the
// site's very weights. The TypeScript side is an exhaustive switch over the init schemes: a scheme added to the
// engine without a Python port here is a compile error (and a failing test).
import type {InitConfig} from "../../engine/types.js";

/** A Python expression for the weights of a dense layer: a flat row-major [fan_in × fan_out] list of floats. */
export function initWeightsPy(init: InitConfig): string {
  switch (init.kind) {
    case "pytorch-default":
      // Bias drawn after the weights from the same stream, with the same bound (init_dense handles it).
      return "uniform(size, 1 / math.sqrt(fan_in), random)";
    case "normal":
      return `normal(size, ${init.std}, random)`;
    case "uniform":
      return `uniform(size, ${init.bound}, random)`;
    case "xavier-normal":
      return `normal(size, ${init.gain} * math.sqrt(2 / (fan_in + fan_out)), random)`;
    case "xavier-uniform":
      return `uniform(size, ${init.gain} * math.sqrt(6 / (fan_in + fan_out)), random)`;
    case "he-normal":
      return `normal(size, (${init.scale} * gain) / math.sqrt(fan_in), random)`;
    case "he-uniform":
      return `uniform(size, ${init.scale} * gain * math.sqrt(3 / fan_in), random)`;
    case "orthogonal":
      return `orthogonal(fan_in, fan_out, ${init.gain}, random)`;
    default: {
      const unknown: never = init;
      throw new Error(`no Python port of init scheme ${String((unknown as {kind: unknown}).kind)}`);
    }
  }
}

/** init_dense(fan_in, fan_out, random, gain) for one scheme (the hidden layers' or a layer-wise head's). */
export function initDensePy(name: string, init: InitConfig): string {
  const bias =
    init.kind === "pytorch-default" ? "uniform(fan_out, 1 / math.sqrt(fan_in), random)" : "[0.0] * fan_out";
  return String.raw`
def ${name}(fan_in, fan_out, random, gain):
    """${init.kind}: (W as a flat row-major [fan_in, fan_out] list, b), drawn in the engine's order."""
    size = fan_in * fan_out
    weights = ${initWeightsPy(init)}
    return weights, ${bias}
`;
}

export const INIT_HELPERS_PY = String.raw`
# ---- Initialisation: src/engine/init.ts, ported draw for draw -------------------------------------------
# W is [fan_in, fan_out] row-major (y = x W + b); nn.Linear stores W transposed. Each value is computed in
# float64 as the engine does and rounded to float32 once, as a Float32Array stores it.
def uniform(size, bound, random):
    return [f32((2 * random() - 1) * bound) for _ in range(size)]


def normal(size, std, random):
    return [f32(z * std) for z in normal_samples(size, random)]


def orthogonal(fan_in, fan_out, gain, random):
    """Modified Gram-Schmidt in float64 on a Gaussian [m, n] matrix, column-major, as the engine's orthogonal."""
    m, n = max(fan_in, fan_out), min(fan_in, fan_out)
    q = normal_samples(m * n, random)
    for j in range(n):
        cj = j * m
        for ck in range(0, cj, m):
            r = 0.0
            for i in range(m):
                r += q[ck + i] * q[cj + i]
            for i in range(m):
                q[cj + i] -= r * q[ck + i]
        norm = 0.0
        for i in range(m):
            norm += q[cj + i] * q[cj + i]
        inverse = 1 / math.sqrt(norm)
        for i in range(m):
            q[cj + i] *= inverse
    if fan_in >= fan_out:
        return [f32(gain * q[c * m + r]) for r in range(fan_in) for c in range(fan_out)]
    return [f32(gain * q[r * m + c]) for r in range(fan_in) for c in range(fan_out)]
`;
