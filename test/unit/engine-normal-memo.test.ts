// Normals remembered by seed and position: whatever the order of draws (networks of other depths, odd sizes,
// uniform numbers in between, other seeds), a seeded stream yields exactly what computing every draw yields,
// and leaves the stream where drawing would; a network built again computes none of its normals.
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {NORMAL_MEMO_MAX, normalSamples, seededRandom, type Random} from "../../src/engine/random.js";

/** The same stream without its position: normalSamples computes every draw from it. */
const computing = (seed: number): Random => {
  const stream = seededRandom(seed);
  return () => stream();
};

/** Layer sizes of the explorer's network (784 → depth × 128 → 10), drawn in order as buildTrainingModel does. */
const network = (depth: number) => [784 * 128, ...Array(depth - 1).fill(128 * 128), 128 * 10];

type Op = {normals: number} | {uniforms: number};

/** Runs `ops` on a fresh stream of `seed` both ways; every value and the next number after must be identical. */
function assertSame(seed: number, ops: Op[], label: string): void {
  const memoized = seededRandom(seed);
  const reference = computing(seed);
  ops.forEach((op, k) => {
    if ("normals" in op) {
      const got = normalSamples(op.normals, memoized);
      const want = normalSamples(op.normals, reference);
      assert.ok(
        got.length === want.length && got.every((v, i) => Object.is(v, want[i])),
        `${label}: draw ${k} of ${op.normals} normals differs`
      );
    } else
      for (let i = 0; i < op.uniforms; i++) assert.equal(memoized(), reference(), `${label}: uniform ${k}`);
  });
  assert.equal(memoized(), reference(), `${label}: the stream is not where drawing would leave it`);
}

describe("normalSamples from a seededRandom", () => {
  it("equals computed draws for networks of every depth in any order", () => {
    for (const depth of [7, 50, 20, 50, 1, 7, 33])
      assertSame(
        42,
        network(depth).map((normals) => ({normals})),
        `depth ${depth}`
      );
  });

  it("equals computed draws with odd sizes, uniform numbers in between and other seeds", () => {
    const plan = seededRandom(7);
    for (let trial = 0; trial < 40; trial++) {
      const ops: Op[] = Array.from({length: 12}, () =>
        plan() < 0.7 ? {normals: 1 + Math.floor(plan() * 3000)} : {uniforms: 1 + Math.floor(plan() * 3)}
      );
      // Twice: the second stream of the seed finds what the first drew.
      assertSame(trial % 3, ops, `trial ${trial}`);
      assertSame(trial % 3, ops, `trial ${trial}, again`);
    }
  });

  it("serves odd sizes, odd positions and a half-used last pair exactly", () => {
    assertSame(11, [{normals: 10}], "remembered");
    assertSame(11, [{normals: 5}, {uniforms: 1}, {normals: 4}], "an odd size served from the memo");
    assertSame(11, [{uniforms: 1}, {normals: 4}], "an odd position, which no remembered pair starts");
    assertSame(12, [{normals: 7}], "a memo ending in half a pair");
    assertSame(12, [{normals: 8}], "past the half pair");
  });

  it("computes no normal twice: a network built again takes no logarithm", () => {
    const sizes = network(20);
    const build = () => {
      const stream = seededRandom(5);
      return sizes.map((n) => normalSamples(n, stream));
    };
    build();
    const log = Math.log;
    let logs = 0;
    Math.log = (x: number) => (logs++, log(x));
    try {
      build();
    } finally {
      Math.log = log;
    }
    assert.equal(logs, 0);
  });

  it("keeps what it has when a memo ending in half a pair is continued", () => {
    normalSamples(7, seededRandom(13));
    normalSamples(8, seededRandom(13));
    const log = Math.log;
    let logs = 0;
    Math.log = (x: number) => (logs++, log(x));
    let again: Float32Array;
    try {
      again = normalSamples(8, seededRandom(13));
    } finally {
      Math.log = log;
    }
    assert.equal(logs, 0);
    assert.deepEqual([...again], [...normalSamples(8, computing(13))]);
  });

  it("stays exact past NORMAL_MEMO_MAX normals, where it stops remembering", () => {
    assertSame(3, [{normals: 1000}, {normals: NORMAL_MEMO_MAX}, {normals: 11}, {uniforms: 1}], "large");
    assertSame(3, [{normals: NORMAL_MEMO_MAX + 1}, {normals: 12}], "too large to keep");
  });
});

describe("seededRandom's skip", () => {
  it("lands where drawing would, past the period and from a seed above 2³¹", () => {
    const seed = 2 ** 31 + 5;
    const skipped = seededRandom(seed);
    skipped.skip(3 * 2 ** 32 + 7); // the state cycles every 2³² numbers
    const drawn = seededRandom(seed);
    for (let i = 0; i < 7; i++) drawn();
    assert.equal(skipped(), drawn());
    assert.equal(skipped.drawn(), 3 * 2 ** 32 + 8);
  });
});
