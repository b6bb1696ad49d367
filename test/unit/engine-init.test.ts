import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {INIT_SCHEMES, initDense} from "../../src/engine/init.js";
import {ConfigError, kindsOf, withDefaults} from "../../src/engine/options.js";
import {seededRandom} from "../../src/engine/random.js";
import type {InitConfig, InitKind} from "../../src/engine/types.js";

const config = (kind: InitKind, options: Record<string, number> = {}) =>
  withDefaults<InitKind, InitConfig>(INIT_SCHEMES, kind, options);

/** FNV-1a over the float32 bit patterns: pins every entry of an array exactly. */
function fnv(values: Float32Array): string {
  let hash = 0x811c9dc5;
  for (const bits of new Uint32Array(values.buffer, values.byteOffset, values.length)) {
    hash = Math.imul(hash ^ bits, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

function moments(values: Float32Array): {mean: number; std: number; maxAbs: number} {
  let sum = 0;
  let squares = 0;
  let maxAbs = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const mean = sum / values.length;
  return {mean, std: Math.sqrt(squares / values.length - mean * mean), maxAbs};
}

const within = (actual: number, expected: number, share: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= share * Math.abs(expected),
    `${what}: got ${actual}, expected ${expected}`
  );

// Numbers of the implementation the committed 100-epoch baseline ran with (before the registry rewrite).
describe("draws that committed runs replay", () => {
  it("pytorch-default: W then b from (2u − 1)/√fanIn", () => {
    const {weights, bias} = initDense(784, 128, config("pytorch-default"), seededRandom(42), 1);
    const w = [0.007221696432679892, -0.0036935315001755953, 0.02517612837255001];
    assert.deepEqual([weights[0], weights[1], weights[2], weights[100351]], [...w, 0.029040204361081123]);
    assert.deepEqual(
      [bias[0], bias[1], bias[127]],
      [-0.012586130760610104, -0.0351962074637413, 0.0014841086231172085]
    );
    const small = initDense(5, 3, config("pytorch-default"), seededRandom(7), 1);
    assert.deepEqual(
      Array.from(small.bias),
      [-0.11810142546892166, -0.18492519855499268, 0.031071975827217102]
    );
    assert.deepEqual(
      Array.from(small.weights.subarray(0, 3)),
      [-0.4367445409297943, -0.39179643988609314, 0.4265591502189636]
    );
    const whole = initDense(784, 128, config("pytorch-default"), seededRandom(0), 1);
    assert.deepEqual([fnv(whole.weights), fnv(whole.bias)], ["ab90c3b6", "f06c34fb"]);
  });
  it("normal: Box–Muller samples times std, zero bias", () => {
    const {weights, bias} = initDense(784, 128, config("normal", {std: 0.05}), seededRandom(42), 1);
    const w = [-0.0642419084906578, 0.021639013662934303, -0.04726763814687729, -0.020079297944903374];
    assert.deepEqual([weights[0], weights[1], weights[2], weights[100351]], w);
    assert.ok(bias.every((b) => b === 0));
    // An odd size uses the cosine half of the last pair only.
    const odd = initDense(5, 3, config("normal", {std: 1}), seededRandom(7), 1).weights;
    assert.deepEqual(
      [odd[0], odd[13], odd[14]],
      [0.1419704407453537, -0.1960803121328354, -0.4474014937877655]
    );
    const whole = initDense(784, 128, config("normal"), seededRandom(0), 1);
    assert.equal(fnv(whole.weights), "92c4612d");
  });
});

describe("distributions on a 784 × 128 draw", () => {
  const [n, m] = [784, 128];
  const normals: [string, InitConfig, number, number][] = [
    ["normal", config("normal", {std: 0.3}), 1, 0.3],
    ["xavier-normal", config("xavier-normal", {gain: 2}), 1, 2 * Math.sqrt(2 / (n + m))],
    ["he-normal", config("he-normal", {scale: 0.5}), Math.SQRT2, (0.5 * Math.SQRT2) / Math.sqrt(n)],
    ["orthogonal (unit columns)", config("orthogonal", {gain: 3}), 1, 3 / Math.sqrt(n)]
  ];
  for (const [what, init, gain, std] of normals) {
    it(`${what}: std ${std.toPrecision(3)}, mean 0, zero bias`, () => {
      const {weights, bias} = initDense(n, m, init, seededRandom(1), gain);
      const stats = moments(weights);
      within(stats.std, std, 0.02, `${what} std`);
      assert.ok(Math.abs(stats.mean) < 0.02 * std, `${what} mean ${stats.mean}`);
      assert.deepEqual([bias.length, bias.every((b) => b === 0)], [m, true]);
    });
  }
  const uniforms: [string, InitConfig, number, number][] = [
    ["pytorch-default", config("pytorch-default"), 1, 1 / Math.sqrt(n)],
    ["uniform", config("uniform", {bound: 0.2}), 1, 0.2],
    ["xavier-uniform", config("xavier-uniform", {gain: 2}), 1, 2 * Math.sqrt(6 / (n + m))],
    ["he-uniform", config("he-uniform", {scale: 0.5}), Math.SQRT2, 0.5 * Math.SQRT2 * Math.sqrt(3 / n)]
  ];
  for (const [what, init, gain, bound] of uniforms) {
    it(`${what}: U(±${bound.toPrecision(3)})`, () => {
      const {weights, bias} = initDense(n, m, init, seededRandom(1), gain);
      const stats = moments(weights);
      assert.ok(stats.maxAbs <= bound && stats.maxAbs > 0.999 * bound, `${what} max |w| ${stats.maxAbs}`);
      within(stats.std, bound / Math.sqrt(3), 0.02, `${what} std`);
      const biasStats = moments(bias);
      if (init.kind === "pytorch-default") {
        assert.ok(biasStats.maxAbs <= bound && biasStats.std > 0.4 * bound, `bias ~ U(±1/√fanIn)`);
      } else {
        assert.equal(biasStats.maxAbs, 0, "zero bias");
      }
    });
  }
});

describe("orthogonal", () => {
  /** Max |(AAᵀ or AᵀA)ᵢⱼ − gain²·δᵢⱼ| over the Gram matrix of A's rows (byRows) or columns. */
  function gramError(
    weights: Float32Array,
    rows: number,
    cols: number,
    byRows: boolean,
    gain: number
  ): number {
    const [count, length] = byRows ? [rows, cols] : [cols, rows];
    const at = (vector: number, i: number) =>
      byRows ? weights[vector * cols + i]! : weights[i * cols + vector]!;
    let worst = 0;
    for (let a = 0; a < count; a++) {
      for (let b = a; b < count; b++) {
        let dot = 0;
        for (let i = 0; i < length; i++) dot += at(a, i) * at(b, i);
        worst = Math.max(worst, Math.abs(dot - (a === b ? gain * gain : 0)));
      }
    }
    return worst;
  }
  it("fanIn ≥ fanOut: WᵀW = gain²·I", () => {
    const {weights} = initDense(128, 64, config("orthogonal", {gain: 1.5}), seededRandom(3), 1);
    assert.ok(gramError(weights, 128, 64, false, 1.5) < 1e-4);
    // The rows of a tall W cannot be orthonormal: the check tells the two apart.
    assert.ok(gramError(weights, 128, 64, true, 1.5) > 0.5);
  });
  it("fanIn < fanOut: WWᵀ = gain²·I", () => {
    const {weights} = initDense(64, 128, config("orthogonal", {gain: 1.5}), seededRandom(3), 1);
    assert.ok(gramError(weights, 64, 128, true, 1.5) < 1e-4);
    assert.ok(gramError(weights, 64, 128, false, 1.5) > 0.5);
  });
  it("square: W is orthogonal both ways", () => {
    const {weights} = initDense(40, 40, config("orthogonal"), seededRandom(4), 1);
    assert.ok(gramError(weights, 40, 40, false, 1) < 1e-4 && gramError(weights, 40, 40, true, 1) < 1e-4);
  });
});

describe("init schemes", () => {
  it("he-* scale with the activation's gain; the others ignore it", () => {
    for (const kind of kindsOf(INIT_SCHEMES)) {
      const one = initDense(20, 10, config(kind), seededRandom(5), 1).weights;
      const two = initDense(20, 10, config(kind), seededRandom(5), 2).weights;
      const expected = kind.startsWith("he-") ? one.map((w) => 2 * w) : one;
      assert.deepEqual(two, expected, kind);
    }
  });
  it("is deterministic for a seed and differs between seeds", () => {
    for (const kind of kindsOf(INIT_SCHEMES)) {
      const draw = (seed: number) => initDense(30, 20, config(kind), seededRandom(seed), Math.SQRT2).weights;
      assert.deepEqual(draw(8), draw(8), kind);
      assert.notDeepEqual(draw(8), draw(9), kind);
    }
  });
  it("handles every registered kind, whose description states W and the bias", () => {
    for (const kind of kindsOf(INIT_SCHEMES)) {
      const {weights, bias} = initDense(30, 20, config(kind), seededRandom(6), 1);
      assert.deepEqual([weights.length, bias.length], [600, 20], kind);
      assert.ok(weights.every(Number.isFinite) && weights.some((w) => w !== 0), kind);
      const {description} = INIT_SCHEMES[kind];
      assert.match(description, /W/, kind);
      assert.match(description, kind === "pytorch-default" ? /b ~ U\(±1\/√fanIn\)/ : /b = 0/, kind);
    }
  });
  it("has the options of InitConfig with the documented defaults", () => {
    const options = Object.fromEntries(
      kindsOf(INIT_SCHEMES).map((kind) => [
        kind,
        Object.entries(INIT_SCHEMES[kind].options).map(([k, o]) => `${k}=${o.default}`)
      ])
    );
    assert.deepEqual(options, {
      "pytorch-default": [],
      normal: ["std=0.05"],
      uniform: ["bound=0.05"],
      "xavier-normal": ["gain=1"],
      "xavier-uniform": ["gain=1"],
      "he-normal": ["scale=1"],
      "he-uniform": ["scale=1"],
      orthogonal: ["gain=1"]
    });
  });
  it("rejects an unknown kind by name", () => {
    assert.throws(
      () => initDense(3, 2, {kind: "lecun"} as unknown as InitConfig, seededRandom(1), 1),
      (error: unknown) => error instanceof ConfigError && error.message.includes('"lecun"')
    );
  });
});
