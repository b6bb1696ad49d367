import assert from "node:assert/strict";
import {test} from "node:test";
import {GridRun, storageKey, type CellTrainer} from "../../src/lib/grid-run.js";
import {gridOfSize, type GridCell} from "../../src/lib/trainability.js";

const settings = gridOfSize(2, 2, 20);

/** A trainer whose cells finish when the test says, recording the order they started in. */
function manualTrainer() {
  const started: {scale: number; depth: number; slot: number}[] = [];
  const pending = new Map<string, {resolve(c: GridCell): void; reject(e: Error): void}>();
  const cancelled: string[] = [];
  const key = (c: {scale: number; depth: number}) => `${c.scale}|${c.depth}`;
  const train: CellTrainer = (cell, slot) => {
    started.push({...cell, slot});
    const done = new Promise<GridCell>((resolve, reject) => pending.set(key(cell), {resolve, reject}));
    return {
      done,
      cancel: () => (cancelled.push(key(cell)), pending.get(key(cell))?.reject(new Error("cancelled")))
    };
  };
  const finish = async (cell: {scale: number; depth: number}, accuracy = 0.5, wallMs = 100) => {
    pending.get(key(cell))!.resolve({...cell, accuracy, loss: 1, diverged: false, steps: 20, wallMs});
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    train,
    started,
    finish,
    cancelled,
    fail: (c: {scale: number; depth: number}) => pending.get(key(c))!.reject(new Error("worker died"))
  };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test("grid run: fills the grid two cells at a time in row order and ends idle-called and done", async () => {
  const t = manualTrainer();
  let idle = 0;
  const run = new GridRun(settings, {train: t.train, concurrency: 2, onIdle: () => idle++});
  run.start();
  await tick();
  assert.deepEqual(
    t.started.map((c) => [c.scale, c.depth, c.slot]),
    [
      [0.01, 2, 0],
      [10, 2, 1]
    ]
  );
  assert.deepEqual(
    run.view.cells.map((c) => c.status),
    ["running", "running", "queued", "queued"]
  );
  await t.finish({scale: 10, depth: 2});
  assert.deepEqual(t.started.at(-1), {scale: 0.01, depth: 32, slot: 1});
  await t.finish({scale: 0.01, depth: 2});
  await t.finish({scale: 0.01, depth: 32});
  assert.equal(run.view.status, "running");
  await t.finish({scale: 10, depth: 32}, 0.9);
  await tick();
  assert.equal(run.view.status, "done");
  assert.equal(run.view.finished, 4);
  assert.equal(idle, 1);
  assert.equal(run.view.cells[3]!.result!.accuracy, 0.9);
});

test("grid run: time left weighs the finished cells' wall time by cost and shares it over the slots", async () => {
  const t = manualTrainer();
  const run = new GridRun(gridOfSize(2, 1, 20), {train: t.train, concurrency: 1});
  run.start();
  await tick();
  assert.equal(run.view.remainingMs, null);
  await t.finish({scale: 0.01, depth: 8}, 0.5, 3000);
  // The other cell has the same depth, so the same cost: 3 s on one slot.
  assert.equal(run.view.remainingMs, 3000);
});

test("grid run: cancel stops the running cells, keeps the finished one, and resume trains only the rest", async () => {
  const t = manualTrainer();
  const storage = memoryStorage();
  let idle = 0;
  const run = new GridRun(settings, {train: t.train, concurrency: 2, storage, onIdle: () => idle++});
  run.start();
  await tick();
  await t.finish({scale: 0.01, depth: 2});
  run.cancel();
  await tick();
  assert.equal(run.view.status, "cancelled");
  assert.equal(idle, 1);
  assert.deepEqual(t.cancelled.sort(), ["0.01|32", "10|2"]);
  assert.deepEqual(
    run.view.cells.map((c) => c.status),
    ["done", "cancelled", "cancelled", "queued"]
  );
  const before = t.started.length;
  run.start();
  await tick();
  const resumed = t.started.slice(before).map((c) => `${c.scale}|${c.depth}`);
  assert.deepEqual(resumed, ["10|2", "0.01|32"], "the finished cell is not trained again");
  // A page reloaded now starts from the stored cell.
  const reloaded = new GridRun(settings, {train: t.train, concurrency: 2, storage});
  assert.deepEqual(
    reloaded.view.cells.map((c) => c.status),
    ["done", "queued", "queued", "queued"]
  );
  assert.equal(reloaded.view.finished, 1);
  assert.ok(storage.items.has(storageKey(settings)));
  // Another grid does not pick up this one's cells.
  const other = new GridRun({...settings, steps: 21}, {train: t.train, concurrency: 2, storage});
  assert.equal(other.view.finished, 0);
});

test("grid run: a failing cell is marked failed and the grid goes on; resume tries it again", async () => {
  const t = manualTrainer();
  const storage = memoryStorage();
  const run = new GridRun(gridOfSize(2, 1, 20), {train: t.train, concurrency: 1, storage});
  run.start();
  await tick();
  t.fail({scale: 0.01, depth: 8});
  await tick();
  assert.equal(run.view.cells[0]!.status, "failed");
  assert.equal(run.view.cells[0]!.result!.failed, true);
  await t.finish({scale: 10, depth: 8});
  await tick();
  assert.equal(run.view.status, "done");
  // A reload forgets failed cells: they are trained again.
  assert.equal(new GridRun(gridOfSize(2, 1, 20), {train: t.train, concurrency: 1, storage}).view.finished, 1);
});

test("grid run: a stored record that is corrupt or of another grid is ignored", () => {
  const storage = memoryStorage();
  storage.setItem(storageKey(settings), "{not json");
  const t = manualTrainer();
  assert.equal(new GridRun(settings, {train: t.train, concurrency: 2, storage}).view.finished, 0);
  storage.setItem(storageKey(settings), JSON.stringify({settings, cells: [{scale: 3, depth: 2}]}));
  assert.equal(new GridRun(settings, {train: t.train, concurrency: 2, storage}).view.finished, 0);
});
