// Reference-run replays for the remedy pages: the columns of data/replay.ts turned back into snapshots by
// src/lib/replay.ts agree with the committed record to four significant digits, at a fraction of its size;
// records off the study's protocol and missing files are errors that say what to do.
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {readReplay, referenceFile, replayOf} from "../../data/replay.js";
import {parseRunFile} from "../../data/study-runs.js";
import {epochReaching, replaySnapshots} from "../../src/lib/replay.js";
import {stageMetrics} from "../../src/lib/stage-metrics.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = join(root, "data/runs");
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);

describe("replays of reference runs", () => {
  it("give back every snapshot and probe of init-std-10 to four significant digits, in a sixth of the bytes", () => {
    const raw = readFileSync(join(RUNS, referenceFile("init-std-10")), "utf8");
    const record = parseRunFile(referenceFile("init-std-10"), raw).record;
    const replay = readReplay(RUNS, "init-std-10");
    assert.ok(JSON.stringify(replay).length * 4 < raw.length, "compact");
    const snapshots = replaySnapshots(replay);
    assert.equal(snapshots.length, record.snapshots.length);
    snapshots.forEach((s, i) => {
      const r = record.snapshots[i]!;
      assert.equal(s.step, r.step);
      assert.equal(s.kind, r.kind);
      assert.ok(relative(s.train.accuracy, r.train.accuracy) < 1e-3, `train accuracy at ${s.step}`);
      assert.equal(s.validation === null, r.validation === null, `validation at ${s.step}`);
      assert.equal(s.layers.length, r.layers.length);
      s.layers.forEach((l, j) => {
        const rl = r.layers[j]!;
        assert.equal(l.name, rl.name);
        for (const key of ["gradNorm", "relativeChange", "updateRatio"] as const)
          assert.ok(
            relative(l[key], rl[key]) < 1e-3,
            `${key} of ${l.name} at ${s.step}: ${l[key]} vs ${rl[key]}`
          );
        assert.equal(l.activation === null, rl.activation === null);
        if (l.activation) assert.ok(relative(l.activation.saturation, rl.activation!.saturation) < 1e-3);
      });
    });
    assert.equal(snapshots.at(-1)!.test?.accuracy, replay.testAccuracy);
    assert.equal(snapshots.at(-1)!.status, "done");
  });

  it("give a layer-wise run's snapshots the layers, frozen layers and stage of the record, matched by name", () => {
    const raw = readFileSync(join(RUNS, referenceFile("layerwise")), "utf8");
    const record = parseRunFile(referenceFile("layerwise"), raw).record;
    const replay = readReplay(RUNS, "layerwise");
    assert.equal(replay.frame.layers.length, 8, "every hidden layer and the head");
    assert.equal(replay.snapshots.stage?.length, record.snapshots.length);
    const snapshots = replaySnapshots(replay);
    snapshots.forEach((s, i) => {
      const r = record.snapshots[i]!;
      assert.deepEqual(s.stage, r.stage, `stage at ${s.step}`);
      assert.deepEqual(
        s.layers.map((l) => `${l.name}${l.trainable ? "" : " (frozen)"}`),
        r.layers.map((l) => `${l.name}${l.trainable ? "" : " (frozen)"}`),
        `layers at ${s.step}`
      );
      s.layers.forEach((l, j) => {
        if (r.layers[j]!.trainable)
          assert.ok(relative(l.gradNorm, r.layers[j]!.gradNorm) < 1e-3, `${l.name} at ${s.step}`);
      });
    });
    // Each stage's end: the record's own per-stage test results.
    assert.deepEqual(
      stageMetrics(snapshots).map((m) => m?.testAccuracy),
      record.stageTests.map((t) => t.test.accuracy)
    );
  });

  it("leave runs without stages without a stage column", () => {
    const replay = readReplay(RUNS, "baseline");
    assert.equal(replay.snapshots.stage, undefined);
    assert.ok(replaySnapshots(replay).every((s) => s.stage === null));
  });

  it("say when a run left the plateau: init-std-1 passes 50% validation accuracy in epoch 6, the baseline never", () => {
    assert.equal(epochReaching(readReplay(RUNS, "init-std-1"), 0.5), 6);
    assert.equal(epochReaching(readReplay(RUNS, "baseline"), 0.2), null);
  });

  it("refuse records off the study's protocol and explain a missing file", () => {
    const fixture = join(root, "test/fixtures/experiment/batchnorm_s42_e1_n1200.json");
    const run = parseRunFile("batchnorm_s42_e1_n1200.json", readFileSync(fixture, "utf8"));
    assert.throws(
      () => replayOf(run),
      /batchnorm_s42_e1_n1200\.json: 1 epochs per stage, not the study's 100/
    );
    assert.throws(
      () => readReplay(RUNS, "no-such-preset"),
      /no-such-preset_s42_e100\.json is missing: run `npm run experiment -- no-such-preset`/
    );
  });
});
