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
