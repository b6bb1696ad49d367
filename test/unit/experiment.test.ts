// `npm run experiment`: its arguments, its per-epoch means, and the command itself run end to end on the real
// dataset at a tiny size: it reproduces a committed run bit for bit, refuses bad input without writing
// anything, skips finished runs, and stops cleanly on Ctrl-C leaving no partial file.
import assert from "node:assert/strict";
import {spawn, spawnSync} from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {PRESET_NAMES} from "../../src/engine/presets.js";
import type {Snapshot} from "../../src/engine/types.js";
import {parseArgs, UsageError} from "../../scripts/experiment/args.js";
import {epochSummaries} from "../../scripts/experiment/run-one.js";

const root = new URL("../../", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "experiment-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/experiment.ts", ...args], {
    cwd: root,
    encoding: "utf8"
  });

describe("parseArgs", () => {
  it("reads presets and options, --all, and keeps each preset once", () => {
    const parsed = parseArgs([
      "relu",
      "adam",
      "relu",
      "--epochs",
      "10",
      "--seed",
      "7",
      "--jobs",
      "2",
      "--skip-existing"
    ]);
    assert.ok(parsed.kind === "run");
    assert.deepEqual(parsed.args.presets, ["relu", "adam"]);
    assert.deepEqual(
      [parsed.args.epochs, parsed.args.seed, parsed.args.jobs, parsed.args.skipExisting],
      [10, 7, 2, true]
    );
    const all = parseArgs(["--all"]);
    assert.deepEqual(all.kind === "run" && all.args.presets, PRESET_NAMES);
  });

  const bad: [string[], RegExp][] = [
    [["nope"], /unknown preset nope; the presets are: baseline, /],
    [["relu", "--epochs", "0"], /--epochs must be a whole number from 1 to 1000, got 0/],
    [["relu", "--epochs", "2.5"], /--epochs must be a whole number/],
    [["relu", "--train-size", "lots"], /--train-size must be a whole number from 2 to 60000, got lots/],
    [["relu", "--backend", "webgl"], /--backend must be one of wasm, cpu, got webgl/],
    [["relu", "--jobs"], /--jobs must be a whole number from 1 to 16, got nothing/],
    [["relu", "--fast"], /unknown option --fast/],
    [[], /name at least one preset, or --all/]
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${argv.join(" ") || "no arguments"}`, () => {
      assert.throws(
        () => parseArgs(argv),
        (e: unknown) => e instanceof UsageError && message.test(e.message)
      );
    });
  }
});

describe("epochSummaries", () => {
  it("weights each snapshot window by its examples (the last batch of an epoch is smaller)", () => {
    // 5 images to fit in batches of 2: steps of 2, 2, 1 images; a step snapshot after step 2, the epoch end at 3.
    const snap = (kind: Snapshot["kind"], step: number, loss: number) =>
      ({
        kind,
        step,
        epoch: step / 3,
        stepsPerEpoch: 3,
        train: {loss, accuracy: loss / 10},
        validation: null,
        stage: null
      }) as Snapshot;
    const [epoch] = epochSummaries([snap("init", 0, 9), snap("step", 2, 1), snap("epoch", 3, 4)], 5, 2);
    assert.deepEqual(epoch!.train, {loss: (1 * 4 + 4 * 1) / 5, accuracy: (0.1 * 4 + 0.4 * 1) / 5});
    assert.equal(epoch!.epoch, 1);
  });
});

describe("npm run experiment", () => {
  it("--list prints every preset, its name first", () => {
    const {stdout, status} = cli(["--list"]);
    assert.equal(status, 0);
    assert.deepEqual(
      stdout
        .trim()
        .split("\n")
        .map((line) => line.split(/\s+/)[0]),
      PRESET_NAMES
    );
  });

  it("explains every option in --help", () => {
    const {stdout} = cli(["--help"]);
    for (const option of [
      "--all",
      "--epochs",
      "--train-size",
      "--seed",
      "--backend",
      "--jobs",
      "--out",
      "--skip-existing",
      "--list"
    ]) {
      assert.ok(stdout.includes(option), option);
    }
  });

  it("exits non-zero with a message on bad input and writes nothing", () => {
    const out = join(scratch, "bad");
    for (const args of [
      ["nope", "--out", out],
      ["relu", "--epochs", "x", "--out", out],
      ["relu", "--out", join(root, "package.json", "x")]
    ]) {
      const {status, stderr} = cli(args);
      assert.equal(status, 2, args.join(" "));
      assert.match(stderr, /^experiment: /);
    }
    assert.equal(existsSync(out), false);
  });

  it("reproduces a committed short run exactly, then skips it when asked", () => {
    const out = join(scratch, "repro");
    const args = ["batchnorm", "--epochs", "1", "--train-size", "1200", "--out", out];
    const first = cli(args);
    assert.equal(first.status, 0, first.stderr);
    const file = "batchnorm_s42_e1_n1200.json";
    assert.deepEqual(readdirSync(out), [file], "one complete file, no leftovers");
    const stable = (text: string) => {
      const record = JSON.parse(text);
      delete record.experiment.wallTimeMs;
      delete record.experiment.versions.node;
      for (const s of record.snapshots) delete s.elapsedMs;
      return record;
    };
    const committed = readFileSync(join(root, "test/fixtures/experiment", file), "utf8");
    assert.deepEqual(stable(readFileSync(join(out, file), "utf8")), stable(committed));
    const written = statSync(join(out, file)).mtimeMs;
    const again = cli([...args, "--skip-existing"]);
    assert.match(again.stderr, /skipped: .*exists/);
    assert.equal(statSync(join(out, file)).mtimeMs, written);
  });

  it("--check confirms that the committed short run still reproduces", () => {
    const {status, stderr} = cli(["--check", "--out", join(root, "test/fixtures/experiment")]);
    assert.equal(status, 0, stderr);
    assert.match(stderr, /\[batchnorm_s42_e1_n1200\.json\] ok: 2 snapshots reproduced/);
  });

  it("--check confirms the start of the committed reference baseline (a fast subset of data/runs)", () => {
    const {status, stderr} = cli([
      "--check",
      "baseline",
      "--check-steps",
      "20",
      "--out",
      join(root, "data/runs")
    ]);
    assert.equal(status, 0, stderr);
    assert.match(stderr, /\[baseline_s42_e100\.json\] ok: 3 snapshots reproduced/);
  });

  it("--check names the first number that no longer reproduces, and exits 1", () => {
    const dir = join(scratch, "changed");
    mkdirSync(dir);
    const file = "batchnorm_s42_e1_n1200.json";
    const record = JSON.parse(readFileSync(join(root, "test/fixtures/experiment", file), "utf8"));
    record.snapshots[0].layers[2].gradNorm *= 1.001;
    writeFileSync(join(dir, file), JSON.stringify(record));
    const {status, stderr} = cli(["--check", "--check-steps", "1", "--out", dir]);
    assert.equal(status, 1);
    assert.match(stderr, /DIFFERS at step 0: hidden 3 gradient norm was [\d.]+, now [\d.]+/);
    const empty = cli(["--check", "--out", join(scratch, "bad")]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /cannot read --out|no run records/);
  });

  it("stops on SIGINT with exit 130, leaving no file and no partial file behind", async () => {
    const out = join(scratch, "interrupted");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/experiment.ts",
        "baseline",
        "relu",
        "--epochs",
        "100",
        "--train-size",
        "3000",
        "--out",
        out
      ],
      {cwd: root}
    );
    let stderr = "";
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/\[baseline\] epoch 1,/.test(stderr)) resolve();
      })
    );
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /\[baseline\] cancelled, nothing written/);
    assert.match(stderr, /\[relu\] not started \(interrupted\)/);
    assert.deepEqual(readdirSync(out), []);
  });
});
