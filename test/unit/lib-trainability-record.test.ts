import assert from "node:assert/strict";
import {test} from "node:test";
import type {Snapshot} from "../../src/engine/types.js";
import type {GridView} from "../../src/lib/grid-run.js";
import {gridFromUrl, gridStatusLine, poolTrainer} from "../../src/lib/trainability-live.js";
import {cellResult, GridFormatError, recordFor, validateGrid} from "../../src/lib/trainability-record.js";
import {DEFAULT_GRID, gridOfSize, LARGER_GRID, type GridRecord} from "../../src/lib/trainability.js";

const settings = gridOfSize(2, 2, 20);
const cell = {scale: 0.01, depth: 2, accuracy: 0.1, loss: 2.3, diverged: false, steps: 20, wallMs: 900};
const good = (): GridRecord => JSON.parse(JSON.stringify({settings, cells: [cell]}));

test("trainability record: a valid record passes, JSON's null for NaN loss included", () => {
  assert.deepEqual(validateGrid(good()), good());
  const diverged = good();
  diverged.cells[0] = {...cell, accuracy: null, loss: null, diverged: true};
  validateGrid(diverged);
});

test("trainability record: a malformed record fails with a message naming the field", () => {
  // Each case breaks the record into a shape its type forbids, on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const cases: [string, (r: Record<string, any>) => unknown, RegExp][] = [
    ["not an object", () => [1, 2], /file: must be a JSON object/],
    ["no settings", (r) => ({cells: r.cells}), /settings: must be an object/],
    [
      "unknown activation",
      (r) => ((r.settings.activation = "swish"), r),
      /settings\.activation: unknown activation swish/
    ],
    [
      "scales out of order",
      (r) => ((r.settings.scales = [1, 0.5]), r),
      /settings\.scales: must be in ascending/
    ],
    [
      "fractional depth",
      (r) => ((r.settings.depths = [2.5]), r),
      /settings\.depths\[0\]: must be a positive whole/
    ],
    ["bad learning rate", (r) => ((r.settings.learningRate = -1), r), /settings\.learningRate/],
    ["cells not a list", (r) => ((r.cells = {}), r), /cells: must be a list/],
    [
      "cell off the grid",
      (r) => ((r.cells[0].scale = 0.5), r),
      /cells\[0\]: \(scale 0\.5, depth 2\) is not a cell/
    ],
    [
      "accuracy above 1",
      (r) => ((r.cells[0].accuracy = 1.5), r),
      /cells\[0\]\.accuracy: must be from 0 to 1/
    ],
    ["string loss", (r) => ((r.cells[0].loss = "2.3"), r), /cells\[0\]\.loss: must be a number or null/],
    ["missing diverged", (r) => (delete r.cells[0].diverged, r), /cells\[0\]\.diverged/],
    ["negative wall time", (r) => ((r.cells[0].wallMs = -1), r), /cells\[0\]\.wallMs/],
    ["a cell twice", (r) => (r.cells.push(r.cells[0]), r), /appears twice/]
  ];
  for (const [name, mutate, message] of cases)
    assert.throws(
      () => validateGrid(mutate(good())),
      (e: Error) => e instanceof GridFormatError && message.test(e.message),
      name
    );
});

test("trainability record: recordFor keeps only a valid record of the same grid", () => {
  assert.equal(recordFor(settings, JSON.stringify(good()))!.cells.length, 1);
  assert.equal(recordFor({...settings, seed: 1}, JSON.stringify(good())), null);
  assert.equal(recordFor(settings, "]"), null);
  assert.equal(recordFor(settings, null), null);
});

const snap = (over: Partial<Snapshot>): Snapshot =>
  ({train: {loss: 2, accuracy: 0.2}, test: null, ...over}) as Snapshot;

test("trainability record: cellResult takes the final test metrics, marks NaN and failures", () => {
  const at = {scale: 1, depth: 4};
  const done = cellResult(
    at,
    {status: "done", step: 20, snapshots: [snap({}), snap({test: {loss: 1.2, accuracy: 0.61}})]},
    1234.4
  );
  assert.deepEqual(done, {
    scale: 1,
    depth: 4,
    accuracy: 0.61,
    loss: 1.2,
    diverged: false,
    steps: 20,
    wallMs: 1234
  });
  const nan = cellResult(
    at,
    {status: "diverged", step: 7, snapshots: [snap({train: {loss: NaN, accuracy: 0.1}})]},
    10
  );
  assert.equal(nan.diverged, true);
  assert.equal(nan.accuracy, null);
  assert.ok(Number.isNaN(nan.loss));
  const nanTest = cellResult(
    at,
    {status: "done", step: 20, snapshots: [snap({test: {loss: NaN, accuracy: 0.1}})]},
    10
  );
  assert.equal(nanTest.diverged, true);
  const failed = cellResult(at, {status: "failed", step: 3, snapshots: [snap({})]}, 10);
  assert.equal(failed.failed, true);
  assert.equal(failed.loss, null);
});

test("trainability live: the URL picks the grid and steps; bad values fall back with a notice", () => {
  assert.deepEqual(gridFromUrl(""), {settings: DEFAULT_GRID, size: "default", problems: []});
  assert.equal(gridFromUrl("?grid=larger").settings, LARGER_GRID);
  const tiny = gridFromUrl("?grid=2x2&steps=20");
  assert.deepEqual(tiny.settings, gridOfSize(2, 2, 20));
  assert.equal(tiny.size, "custom");
  // The default grid with other steps is another grid: the list shows it as the URL's, not as "default".
  assert.deepEqual(gridFromUrl("?grid=default&steps=50"), {
    settings: {...DEFAULT_GRID, steps: 50},
    size: "custom",
    problems: []
  });
  assert.equal(gridFromUrl(`?steps=${DEFAULT_GRID.steps}`).size, "default");
  for (const bad of ["?grid=0x2", "?grid=2x10", "?grid=huge", "?grid=2x2x2"]) {
    const parsed = gridFromUrl(bad);
    assert.equal(parsed.settings, DEFAULT_GRID, bad);
    assert.match(parsed.problems.join(), /Ignored \?grid=.*SxD/, bad);
  }
  const steps = gridFromUrl("?steps=5000");
  assert.equal(steps.settings.steps, DEFAULT_GRID.steps);
  assert.match(steps.problems.join(), /Ignored \?steps=5000/);
});

test("trainability live: the status line counts cells and tells time left, failures and resumption", () => {
  const view = (over: Partial<GridView>): GridView => ({
    settings,
    cells: [],
    status: "idle",
    finished: 0,
    total: 4,
    remainingMs: null,
    ...over
  });
  assert.equal(gridStatusLine(view({})), "Not started: 4 cells of 20 steps each.");
  assert.equal(
    gridStatusLine(view({status: "running", finished: 1, remainingMs: 65000})),
    "Training: 1 of 4 cells · about 1 min 5 s left."
  );
  assert.match(
    gridStatusLine(view({status: "cancelled", finished: 2})),
    /^Cancelled: 2 of 4 cells finished; Resume/
  );
  const failed = {scale: 1, depth: 2, status: "failed" as const, result: null};
  assert.match(
    gridStatusLine(view({status: "done", finished: 4, cells: [failed]})),
    /^Finished: 4 of 4 cells \(1 failed\)/
  );
});

test("trainability live: poolTrainer trains cellConfig in the given place and turns a cancelled run into a rejection", async () => {
  const calls: [number, number, number][] = [];
  let cancelledRuns = 0;
  const pool = {
    run: async (slot: number, config: {depth: number; init: {std?: number}}) => {
      calls.push([slot, config.depth, config.init.std!]);
      let finish!: (s: unknown) => void;
      const done = new Promise((r) => (finish = r));
      return {
        done,
        cancel: () => (cancelledRuns++, finish({status: "cancelled", step: 3, snapshots: []})),
        finish
      } as never;
    }
  };
  const trainer = poolTrainer(pool as never, settings);
  const job = trainer({scale: 0.01, depth: 32}, 1);
  job.cancel();
  await assert.rejects(job.done, /cancelled/);
  assert.deepEqual(calls, [[1, 32, 0.01]]);
  assert.equal(cancelledRuns, 1);
});
