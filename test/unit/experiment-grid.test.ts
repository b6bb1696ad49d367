// `npm run experiment -- --grid`: its options, where it writes, and the command end to end on a 1 × 1 grid of two
// steps: the record validates, --skip-existing resumes without training again, and an existing file is kept.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {parseArgs, UsageError} from "../../scripts/experiment/args.js";
import {existingCells, gridPlan} from "../../scripts/experiment/grid.js";
import {validateGrid} from "../../src/lib/trainability-record.js";
import {DEFAULT_GRID, gridOfSize, LARGER_GRID} from "../../src/lib/trainability.js";

const root = new URL("../../", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "experiment-grid-"));
after(() => rmSync(scratch, {recursive: true, force: true}));
const run = (argv: string[]) => {
  const parsed = parseArgs(argv);
  assert.ok(parsed.kind === "run");
  return parsed.args;
};

describe("parseArgs --grid", () => {
  it("reads the grid's size and steps, and leaves the preset options as they were", () => {
    assert.deepEqual(run(["--grid"]).grid, {name: "default", steps: null});
    assert.deepEqual(run(["--grid", "--grid-size", "larger", "--grid-steps", "50"]).grid, {
      name: "larger",
      steps: 50
    });
    assert.deepEqual(run(["--grid-size", "3x2"]).grid, {name: "3x2", steps: null});
    assert.equal(run(["relu"]).grid, null);
  });
  const bad: [string[], RegExp][] = [
    [
      ["--grid", "--grid-size", "huge"],
      /--grid-size must be default, larger or SxD \(e\.g\. 3x2\), got huge/
    ],
    [["--grid", "--grid-size", "14x2"], /--grid-size must be/],
    [["--grid", "--grid-size"], /--grid-size must be .*got nothing/],
    [["--grid", "--grid-steps", "0"], /--grid-steps must be a whole number from 1 to 468, got 0/],
    [["--grid", "--grid-steps", "1.5"], /--grid-steps must be a whole number/],
    [["--grid", "--grid-speed"], /unknown option --grid-speed/],
    [["--grid", "relu"], /--grid trains the trainability grid only/],
    [["--grid", "--check"], /--grid trains the trainability grid only/],
    [["--grid", "--epochs", "3", "--jobs", "2"], /--grid does not take --epochs, --jobs: its cells set/],
    [["--grid", "--train-size", "600"], /--grid does not take --train-size/]
  ];
  for (const [argv, message] of bad)
    it(`refuses ${argv.join(" ")}`, () =>
      assert.throws(
        () => parseArgs(argv),
        (e: unknown) => e instanceof UsageError && message.test(e.message)
      ));
});

describe("grid plan", () => {
  it("names the file after the grid (data/grids by default) and applies --grid-steps and --seed", () => {
    assert.deepEqual(gridPlan(run(["--grid"])), {settings: DEFAULT_GRID, file: "data/grids/default.json"});
    assert.equal(gridPlan(run(["--grid-size", "larger"])).settings, LARGER_GRID);
    const tiny = gridPlan(run(["--grid-size", "2x2", "--grid-steps", "20", "--seed", "7", "--out", "/x"]));
    assert.deepEqual(tiny, {settings: {...gridOfSize(2, 2, 20), seed: 7}, file: "/x/2x2_s7_steps20.json"});
  });
  it("refuses to resume a file that holds another grid", () => {
    const file = join(scratch, "other.json");
    writeFileSync(file, JSON.stringify({settings: gridOfSize(1, 1, 3), cells: []}));
    assert.throws(() => existingCells(file, gridOfSize(1, 1, 4)), /holds another grid's cells/);
    assert.deepEqual(existingCells(join(scratch, "missing.json"), DEFAULT_GRID), []);
  });
});

describe("npm run experiment -- --grid", () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/experiment.ts", ...args], {
      cwd: root,
      encoding: "utf8"
    });
  const args = ["--grid", "--grid-size", "1x1", "--grid-steps", "2", "--out", scratch];
  const file = join(scratch, "1x1_steps2.json");
  it("trains the grid's cells with cellConfig and writes a record the page can load", () => {
    const {status, stderr} = cli(args);
    assert.equal(status, 0, stderr);
    const record = validateGrid(JSON.parse(readFileSync(file, "utf8")));
    assert.equal(record.cells.length, 1);
    assert.deepEqual([record.cells[0]!.scale, record.cells[0]!.depth, record.cells[0]!.steps], [0.316, 8, 2]);
    assert.match(stderr, /\[grid\] 1\/1 std 0\.316 depth 8: test accuracy \d+\.\d%/);
  });
  it("keeps an existing grid unless --skip-existing, which resumes without training a finished cell again", () => {
    const before = readFileSync(file, "utf8");
    const refused = cli(args);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /exists: --skip-existing resumes it/);
    const resumed = cli([...args, "--skip-existing"]);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, /1 cells, 1 already in .*, 0 to train/);
    assert.equal(readFileSync(file, "utf8"), before);
  });
});
