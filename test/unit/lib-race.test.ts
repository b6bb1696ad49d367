// The comparison page's race: picks, the small-budget configs, one entry after another, failures and cancel,
// and the sentences and rows the page shows. A fake engine makes the order observable; one race runs on the
// real engine (Node's cpu backend) on a tiny synthetic set.
import assert from "node:assert/strict";
import {before, describe, it} from "node:test";
import {validateConfig} from "../../src/engine/config.js";
import {PRESET_NAMES} from "../../src/engine/presets.js";
import {raceAnnouncement} from "../../src/lib/race-controls.js";
import {describeRace, raceCaption, raceProgress, raceRows, raceSeries} from "../../src/lib/race-view.js";
import {picksProblem, Race, raceConfig, RACE_BUDGET, type RaceView} from "../../src/lib/race.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {useCpuBackend} from "./engine-helpers.js";
import {data, fakeEngine} from "./race-fixtures.js";

before(useCpuBackend);

describe("race picks and budget", () => {
  it("accepts two to four presets", () => {
    assert.equal(picksProblem(["baseline"]), "Pick at least 2 presets (1 picked).");
    assert.equal(picksProblem(["a", "b", "c", "d", "e"]), "Pick at most 4 presets (5 picked).");
    assert.equal(picksProblem(["a", "b"]), null);
    assert.throws(() => new Race(["baseline"]), RangeError);
    assert.throws(() => new Race(["baseline", "nope"]), /preset: must be one of .*got nope/);
  });

  it("keeps each preset's network and remedy on 5,000 images and 2 epochs (per stage), valid for every preset", () => {
    assert.deepEqual(RACE_BUDGET, {trainSize: 5000, epochs: 2});
    for (const name of PRESET_NAMES) assert.doesNotThrow(() => validateConfig(raceConfig(name), 5000), name);
    const adam = raceConfig("adam");
    assert.deepEqual([adam.optimizer.kind, adam.trainSize, adam.epochs], ["adam", 5000, 2]);
    const layerwise = raceConfig("layerwise");
    assert.equal(layerwise.epochs, 12);
    assert.ok(layerwise.layerwise!.stages.every((s) => s.epochs === 2));
  });
});

describe("Race", () => {
  it("trains the picks one after another and ends with every result", async () => {
    const log: string[] = [];
    const race = new Race(["baseline", "relu", "adam"], {start: fakeEngine([0.1, 0.8, 0.85], log)});
    const views: RaceView[] = [];
    race.subscribe((v) => views.push(v));
    const final = await race.run(data);
    assert.deepEqual(log, [
      "start 0 (5000 images)",
      "end 0",
      "start 1 (5000 images)",
      "end 1",
      "start 2 (5000 images)",
      "end 2"
    ]);
    assert.equal(final.status, "done");
    assert.deepEqual(
      final.entries.map((e) => [e.preset, e.status, e.testAccuracy]),
      [
        ["baseline", "done", 0.1],
        ["relu", "done", 0.8],
        ["adam", "done", 0.85]
      ]
    );
    assert.deepEqual(final.entries[1]!.curve, [
      {x: 1, y: 0.4},
      {x: 2, y: 0.8}
    ]);
    assert.ok(views.some((v) => v.current === 1 && v.entries[2]!.status === "waiting"));
  });

  it("marks a preset that cannot start as failed and races the rest", async () => {
    const final = await new Race(["baseline", "relu"], {start: fakeEngine([NaN, 0.8])}).run(data);
    assert.deepEqual(
      final.entries.map((e) => [e.status, e.message]),
      [
        ["failed", "invalid config"],
        ["done", null]
      ]
    );
  });

  it("stops the current entry on cancel and never starts the next", async () => {
    const engine = fakeEngine([0.1, 0.8]);
    const race = new Race(["baseline", "relu"], {start: engine});
    const finished = race.run(data);
    race.cancel();
    const final = await finished;
    assert.equal(engine.runs.length, 1);
    assert.deepEqual(
      [final.status, ...final.entries.map((e) => e.status)],
      ["cancelled", "cancelled", "cancelled"]
    );
  });

  it("trains the picks side by side, entry i in place i of the pool, and cancels them all at once", async () => {
    const log: string[] = [];
    const engine = fakeEngine([0.1, 0.8, 0.85], log);
    const places: number[] = [];
    const shrinks: number[] = [];
    const pool = {
      run: async (index: number, config: TrainConfig) => (places.push(index), engine(config, data)),
      shrink: (count: number) => void shrinks.push(count)
    };
    const final = await new Race(["baseline", "relu", "adam"], {side: pool}).run();
    // Every entry starts before the first ends: they train at once.
    assert.deepEqual(log.slice(0, 3), [
      "start 0 (5000 images)",
      "start 1 (5000 images)",
      "start 2 (5000 images)"
    ]);
    assert.deepEqual([places, shrinks], [[0, 1, 2], [3]]);
    assert.deepEqual(
      [final.sideBySide, final.current, ...final.entries.map((e) => e.testAccuracy)],
      [true, null, 0.1, 0.8, 0.85]
    );

    const second = fakeEngine([0.1, 0.8]);
    const cancelled = new Race(["baseline", "relu"], {
      side: {run: async (_, config) => second(config, data), shrink: () => {}}
    });
    const finished = cancelled.run();
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancelled.cancel();
    const end = await finished;
    assert.deepEqual(
      [end.status, ...end.entries.map((e) => e.status)],
      ["cancelled", "cancelled", "cancelled"]
    );
    assert.equal(second.runs.length, 2);
  });

  it("needs the training data to race in turn", async () => {
    await assert.rejects(
      new Race(["baseline", "relu"], {start: fakeEngine([0.1, 0.8])}).run(),
      /needs its training data/
    );
  });

  it("races on the real engine", async () => {
    const budget = {trainSize: 40, epochs: 1};
    const final = await new Race(["baseline", "relu"], {budget}).run(data);
    assert.deepEqual(
      final.entries.map((e) => e.status),
      ["done", "done"]
    );
    assert.ok(
      final.entries.every((e) => e.testAccuracy !== null && e.testAccuracy >= 0 && e.step === e.totalSteps)
    );
  });
});

describe("race text", () => {
  const view = (status: RaceView["status"], current: number | null, tests: (number | null)[]): RaceView => ({
    status,
    current,
    sideBySide: false,
    entries: tests.map((t, i) => ({
      preset: `p${i}`,
      title: `P${i}`,
      status: t === null ? "waiting" : "done",
      message: null,
      step: 3,
      totalSteps: t === null ? 0 : 18,
      elapsedMs: 65_000,
      curve: [{x: 1, y: 0.5}],
      validationAccuracy: t,
      testAccuracy: t
    }))
  });

  it("says what the race is doing and ranks the finished entries", () => {
    assert.equal(describeRace(null), "Pick two to four presets and press Start race.");
    assert.equal(describeRace(view("running", 0, [0.5, null])), "Training P0 (1 of 2): step 3 of 18.");
    assert.equal(
      describeRace(view("done", null, [0.1, 0.812])),
      "Finished. Test accuracy: P1 81.2%, P0 10.0%."
    );
    assert.equal(describeRace(view("cancelled", null, [null, null])), "Stopped before any preset finished.");
  });

  it("sums the progress of entries training side by side", () => {
    const side = {...view("running", null, [0.5, null, null]), sideBySide: true};
    side.entries[1] = {...side.entries[1]!, status: "running", step: 9, totalSteps: 18};
    assert.equal(raceProgress(side), 1.5);
    assert.equal(describeRace(side), "Training 3 presets side by side (1 finished): 50% of all steps done.");
    const idle = view("running", null, [null, null]);
    const waiting = {
      ...idle,
      sideBySide: true,
      entries: idle.entries.map((e) => ({...e, step: 0, totalSteps: 18}))
    };
    assert.equal(
      describeRace(waiting),
      "Training 2 presets side by side, waiting for their images and backend."
    );
    assert.equal(raceProgress(null), 0);
  });

  it("makes table rows and chart series of the entries", () => {
    assert.deepEqual(raceRows(view("done", null, [0.1234, null])), [
      {
        preset: "P0",
        status: "finished",
        steps: "3 of 18",
        validation: "12.3%",
        test: "12.3%",
        time: "1 min 5 s"
      },
      {preset: "P1", status: "waiting", steps: "–", validation: "–", test: "–", time: "1 min 5 s"}
    ]);
    assert.deepEqual(raceSeries(view("done", null, [0.1])), [
      {key: "p0", label: "P0", points: [{x: 1, y: 0.5}]}
    ]);
    assert.equal(raceCaption(null), "Race results: none yet. Start a race to fill this table.");
    assert.equal(raceCaption(view("running", 0, [null, null])), "Race results, in race order");
  });

  it("announces the start, each entry's result and the end, not every step", () => {
    const running = view("running", 0, [null, null]);
    assert.equal(raceAnnouncement(view("idle", null, [null, null]), running), "Race started: P0, P1.");
    assert.equal(raceAnnouncement(running, {...running}), null);
    assert.equal(raceAnnouncement(running, view("running", 1, [0.5, null])), "P0: test accuracy 50.0%.");
    assert.equal(
      raceAnnouncement(running, view("done", null, [0.5, 0.6])),
      "Finished. Test accuracy: P1 60.0%, P0 50.0%."
    );
  });
});
