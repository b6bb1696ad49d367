import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {describe, it} from "node:test";
import {compactRecord, loadRunRecord, RUN_FORMAT_VERSION} from "../../data/results.js";
import {validateConfig} from "../../src/engine/config.js";

const committedBaseline = () =>
  JSON.parse(readFileSync(new URL("../../data/results/baseline.json", import.meta.url), "utf8")) as {
    formatVersion: number;
  };

describe("loadRunRecord", () => {
  it("upgrades the committed version-1 baseline to a valid current record", () => {
    const raw = committedBaseline();
    assert.equal(raw.formatVersion, 1, "the committed baseline predates the remedies");
    const record = loadRunRecord(raw);
    assert.equal(record.formatVersion, RUN_FORMAT_VERSION);
    assert.doesNotThrow(() => validateConfig(record.config));
    assert.deepEqual(record.config.activation, {kind: "sigmoid"});
    assert.deepEqual(
      [record.config.normalization, record.config.skips, record.config.gradientNorm, record.config.layerwise],
      [{kind: "none"}, [], {kind: "none"}, null]
    );
    assert.ok(record.snapshots.every((s) => s.stage === null && s.layers.every((l) => l.trainable === true)));
    assert.equal(record.snapshots.at(-1)!.test!.accuracy, 0.1);
  });

  it("returns a current record as it is", () => {
    const current = loadRunRecord(committedBaseline());
    assert.equal(
      loadRunRecord(JSON.parse(JSON.stringify(current))).snapshots.length,
      current.snapshots.length
    );
    assert.deepEqual(loadRunRecord(current), current);
  });

  it("refuses an unknown version with a message naming it", () => {
    assert.throws(
      () => loadRunRecord({formatVersion: 9}),
      /unknown run format version 9 \(this build reads 1 to 2\)/
    );
    assert.throws(() => loadRunRecord("nonsense"), /unknown run format version undefined/);
  });
});

describe("compactRecord", () => {
  it("rounds the activation probes, keeps their histogram only where histograms are kept, and leaves old runs alone", () => {
    const raw = loadRunRecord(committedBaseline());
    const [init, step] = raw.snapshots.filter((s) => s.kind === "init" || s.kind === "step");
    const probe = {
      meanDerivative: 0.123456789,
      preactivationPercentiles: [-1.23456789, 0, 1.5],
      histogram: [1, 2]
    };
    for (const s of [init!, step!]) s.layers[0]!.activation = {...s.layers[0]!.activation!, ...probe};
    const record = compactRecord(raw.config, [init!, step!], raw.createdWith);
    const [a, b] = record.snapshots.map((s) => s.layers[0]!.activation!);
    assert.equal(a!.meanDerivative, 0.12346);
    assert.deepEqual(a!.preactivationPercentiles, [-1.2346, 0, 1.5]);
    assert.deepEqual([a!.histogram, b!.histogram], [[1, 2], []]);
    // A layer recorded before the probes existed gains no fields.
    assert.deepEqual(Object.keys(record.snapshots[0]!.layers[1]!.activation!), ["mean", "std", "saturation"]);
  });
});
