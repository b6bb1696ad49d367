// The study-runs loader: reading data/runs/, the protocol filter, the layer-wise stage the study reported, seed
// statistics, "not yet run" rows, and errors that name the malformed file. Records are made from the committed
// one-epoch run (test/fixtures/experiment/), changed per test, so the fixtures stay a few kilobytes.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, it} from "node:test";
import {fileURLToPath} from "node:url";
import {REFERENCE_PRESETS, studyRuns, STUDY_PROTOCOL} from "../../data/study-aggregate.js";
import {parseRunFile, readRunFolder} from "../../data/study-runs.js";
import type {ExperimentRecord} from "../../scripts/experiment/run-one.js";
import {tempDirs} from "./data-fixtures.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURE = join(root, "test/fixtures/experiment/batchnorm_s42_e1_n1200.json");
/** The fixture's budget: one epoch of 1,200 images, accepted as "the protocol" by these tests. */
const PROTOCOL = {...STUDY_PROTOCOL, trainSize: 1200, epochsPerStage: 1};
const tempDir = tempDirs();

interface Change {
  preset?: string;
  seed?: number;
  test?: number | null;
  study?: ExperimentRecord["experiment"]["study"];
  stages?: number[];
}

/** The fixture record as another preset, seed or result; `stages` makes it layer-wise with those test results. */
function record({preset = "batchnorm", seed = 42, test, study, stages}: Change = {}): ExperimentRecord {
  const r = JSON.parse(readFileSync(FIXTURE, "utf8")) as ExperimentRecord;
  r.experiment = {...r.experiment, preset, seed, ...(study !== undefined ? {study} : {})};
  if (test !== undefined) r.test = test === null ? null : {loss: 1, accuracy: test};
  if (stages) {
    const stage = {blocks: 1, frozen: [], newHead: true, epochs: 1};
    r.config = {
      ...r.config,
      layerwise: {blockSizes: [7], headInit: {kind: "pytorch-default"}, stages: stages.map(() => stage)}
    };
    r.stageTests = stages.map((accuracy, i) => ({stage: i, epoch: i + 1, test: {loss: 1, accuracy}}));
  }
  return r;
}

function folder(files: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return dir;
}

describe("studyRuns", () => {
  it("lists every reference experiment as not yet run when the folder is empty or absent", () => {
    for (const dir of [folder({}), join(tempDir(), "missing")]) {
      const out = studyRuns(dir);
      assert.deepEqual(
        out.experiments.map((e) => e.preset),
        [...REFERENCE_PRESETS]
      );
      assert.ok(
        out.experiments.every((e) => e.status === "not yet run" && e.referenceFile === null && !e.seeds)
      );
      assert.deepEqual([out.runs, out.skipped, out.totalWallTimeMs], [[], [], 0]);
      assert.equal(out.experiments.find((e) => e.preset === "adam")!.study!.reportedTestAccuracy, 0.8591);
    }
  });

  it("summarises a run: last-epoch metrics, per-epoch curves, start and end gradients by layer", () => {
    const out = studyRuns(folder({"batchnorm_s42_e1_n1200.json": record()}), PROTOCOL);
    const [run] = out.runs;
    assert.equal(out.runs.length, 1);
    assert.equal(run!.file, "batchnorm_s42_e1_n1200.json");
    assert.deepEqual(
      [run!.testAccuracy, run!.comparedAccuracy, run!.validationAccuracy],
      [0.1, 0.1, 0.05833]
    );
    assert.equal(run!.trainLoss, 2.328);
    assert.deepEqual(run!.curve, {validationAccuracy: [0.05833], trainLoss: [2.328]});
    assert.equal(run!.gradients.start.layers.length, 8);
    assert.deepEqual(run!.gradients.end.layers.at(-1)!.layer, "output");
    assert.equal(run!.gradients.start.step, 0);
    assert.ok(run!.gradients.end.step > 0);
    const batchnorm = out.experiments.find((e) => e.preset === "batchnorm")!;
    assert.deepEqual([batchnorm.status, batchnorm.referenceFile], ["done", "batchnorm_s42_e1_n1200.json"]);
    assert.equal(out.experiments.find((e) => e.preset === "relu")!.status, "not yet run");
  });

  it("computes mean, min and max over seeds, and shows the study's seed 42 in the table", () => {
    const files = {
      "a.json": record({preset: "init-std-10", seed: 3, test: 0.3}),
      "b.json": record({preset: "init-std-10", seed: 42, test: 0.1}),
      "c.json": record({preset: "init-std-10", seed: 1, test: 0.2}),
      "d.json": record({preset: "relu", seed: 7, test: 0.8}),
      "e.json": record({preset: "relu", seed: 5, test: 0.7})
    };
    const out = studyRuns(folder(files), PROTOCOL);
    const std10 = out.experiments.find((e) => e.preset === "init-std-10")!;
    assert.deepEqual(std10.seeds, {count: 3, mean: 0.2, min: 0.1, max: 0.3, seeds: [1, 3, 42]});
    assert.equal(std10.referenceFile, "b.json");
    assert.equal(std10.seedSensitive, true);
    // Without seed 42 the lowest seed is the reference run.
    assert.equal(out.experiments.find((e) => e.preset === "relu")!.referenceFile, "e.json");
    assert.deepEqual(
      out.runs.map((r) => `${r.preset}:${r.seed}`),
      ["init-std-10:1", "init-std-10:3", "init-std-10:42", "relu:5", "relu:7"]
    );
  });

  it("compares the study's layer-wise figure with stage 3, not with the final stage", () => {
    const layerwise = record({
      preset: "layerwise",
      study: {experiment: 8, reportedTestAccuracy: 0.4202},
      stages: [0.5, 0.4, 0.42, 0.1, 0.3, 0.2],
      test: 0.2
    });
    const keepHead = record({
      preset: "layerwise-keep-head",
      study: null,
      stages: [0.5, 0.4, 0.42, 0.1, 0.3, 0.6],
      test: 0.6
    });
    const out = studyRuns(folder({"l.json": layerwise, "k.json": keepHead}), PROTOCOL);
    const [l, k] = ["layerwise", "layerwise-keep-head"].map((p) => out.runs.find((r) => r.preset === p)!);
    assert.deepEqual(
      [l!.testAccuracy, l!.comparedAccuracy, l!.compared],
      [0.2, 0.42, {kind: "stage", stage: 3}]
    );
    assert.deepEqual(
      l!.stages.map((s) => s.stage),
      [1, 2, 3, 4, 5, 6]
    );
    assert.deepEqual([k!.comparedAccuracy, k!.compared], [0.6, {kind: "final"}]);
    assert.equal(out.experiments.find((e) => e.preset === "layerwise")!.seeds!.mean, 0.42);
  });

  it("leaves out runs off the study's protocol with the reason, and adds presets outside the reference set", () => {
    const out = studyRuns(folder({"short.json": record(), "tanh.json": record({preset: "tanh"})}), {
      ...PROTOCOL,
      epochsPerStage: 100
    });
    assert.deepEqual(out.runs, []);
    assert.deepEqual(
      out.skipped.map((s) => s.reason),
      ["1 epochs per stage, not the study's 100", "1 epochs per stage, not the study's 100"]
    );
    const kept = studyRuns(folder({"tanh.json": record({preset: "tanh"})}), PROTOCOL);
    assert.equal(kept.experiments.at(-1)!.preset, "tanh");
    assert.equal(kept.experiments.length, REFERENCE_PRESETS.length + 1);
  });

  it("keeps a diverged run with no test result, and counts no accuracy for it", () => {
    const diverged = record({preset: "gradnorm-study", test: null});
    diverged.experiment.status = "diverged";
    const out = studyRuns(folder({"g.json": diverged}), PROTOCOL);
    assert.equal(out.runs[0]!.testAccuracy, null);
    const row = out.experiments.find((e) => e.preset === "gradnorm-study")!;
    assert.deepEqual([row.status, row.seeds], ["diverged", null]);
  });
});

describe("malformed records", () => {
  const cases: [string, string, RegExp][] = [
    ["not JSON", "{", /data\/runs\/x\.json: not valid JSON/],
    [
      "an unknown format",
      JSON.stringify({formatVersion: 7}),
      /data\/runs\/x\.json: unknown run format version 7/
    ],
    [
      "no experiment block",
      JSON.stringify({...record(), experiment: undefined}),
      /x\.json: no `experiment` block/
    ],
    ["no epochs", JSON.stringify({...record(), epochs: []}), /x\.json: `epochs` is missing or empty/],
    [
      "a bad status",
      JSON.stringify({...record(), experiment: {...record().experiment, status: "running"}}),
      /`experiment.status` is "running"/
    ]
  ];
  for (const [what, text, message] of cases)
    it(`names the file of a record with ${what}`, () =>
      assert.throws(() => parseRunFile("x.json", text), message));

  it("stops reading the folder at the first malformed file", () => {
    assert.throws(
      () => readRunFolder(folder({"a.json": record(), "b.json": "[]"})),
      /^Error: data\/runs\/b\.json: /
    );
  });

  it("fails the data loader with one line naming the file", () => {
    const dir = folder({"broken_s42_e100.json": "{"});
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/study-runs.json.ts"], {
      cwd: root,
      encoding: "utf8",
      env: {...process.env, STUDY_RUNS_DIR: dir}
    });
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^study-runs\.json failed: data\/runs\/broken_s42_e100\.json: not valid JSON/
    );
    assert.equal(result.stdout, "");
  });
});
