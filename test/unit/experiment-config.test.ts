// `npm run experiment -- --config …`: an arbitrary complete config (the playground's export) read inline or from
// a file, checked by the engine's validation, named by --name or a stable hash, and trained end to end at a tiny
// size into a record of the same format as a preset's.
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, describe, it} from "node:test";
import {loadRunRecord} from "../../data/results.js";
import {parseArgs, UsageError} from "../../scripts/experiment/args.js";
import {planRuns} from "../../scripts/experiment/run-one.js";
import {BASELINE_CONFIG} from "../../src/engine/config.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {experimentCommand} from "../../src/lib/experiment-command.js";

const root = new URL("../../", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "experiment-config-"));
after(() => rmSync(scratch, {recursive: true, force: true}));

const cli = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/experiment.ts", ...args], {
    cwd: root,
    encoding: "utf8"
  });

const tiny: TrainConfig = {
  ...BASELINE_CONFIG,
  depth: 2,
  width: 16,
  activation: {kind: "leaky-relu", slope: 0.1},
  optimizer: {kind: "adam", learningRate: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8},
  epochs: 1,
  trainSize: 600,
  seeds: {init: 7, data: 8}
};

const parsedConfig = (argv: string[]) => {
  const parsed = parseArgs(argv);
  assert.ok(parsed.kind === "run");
  return parsed.args;
};

const refuses = (argv: string[], message: RegExp) =>
  assert.throws(
    () => parseArgs(argv),
    (e: unknown) => e instanceof UsageError && message.test(e.message),
    argv.join(" ")
  );

describe("--config", () => {
  it("reads a config inline and from a file, the same either way", () => {
    const file = join(scratch, "tiny.json");
    writeFileSync(file, JSON.stringify(tiny, null, 2));
    assert.deepEqual(parsedConfig(["--config", JSON.stringify(tiny)]).config, tiny);
    assert.deepEqual(parsedConfig(["--config", file]).config, tiny);
  });

  it("names the run custom-<8 hex digits>, the same for the same config written differently", () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(tiny).reverse()));
    const [a] = planRuns(parsedConfig(["--config", JSON.stringify(tiny)]));
    const [b] = planRuns(parsedConfig(["--config", ` ${reordered}`]));
    const [other] = planRuns(parsedConfig(["--config", JSON.stringify({...tiny, width: 17})]));
    assert.match(a!.file, /^data\/runs\/custom-[0-9a-f]{8}_s7_e1_n600\.json$/);
    assert.equal(b!.file, a!.file);
    assert.notEqual(other!.file, a!.file);
    const [named] = planRuns(
      parsedConfig(["--config", JSON.stringify(tiny), "--name", "my-run", "--seed", "3"])
    );
    assert.equal(named!.file, "data/runs/my-run_s3_e1_n600.json");
    assert.deepEqual(named!.config.seeds, {init: 3, data: 3});
  });

  it("refuses malformed JSON, an invalid config, a missing value, and bad combinations", () => {
    refuses(["--config", "{depth: 3"], /--config: the inline config is not valid JSON/);
    refuses(["--config", join(scratch, "missing.json")], /--config: cannot read .*missing\.json/);
    refuses(
      ["--config", JSON.stringify({...tiny, depth: 0})],
      /--config: depth: must be a whole number from 1 to 64, got 0/
    );
    refuses(
      ["--config", JSON.stringify({...tiny, activation: {kind: "swish"}})],
      /--config: activation\.kind: must be one of sigmoid, /
    );
    const list = join(scratch, "list.json");
    writeFileSync(list, "[1, 2]");
    refuses(["--config", list], /expected a JSON object/);
    refuses(["--config"], /--config needs a config/);
    refuses(["relu", "--config", JSON.stringify(tiny)], /name no presets/);
    refuses(["--config", JSON.stringify(tiny), "--all"], /name no presets/);
    refuses(
      ["--config", JSON.stringify(tiny), "--config", JSON.stringify(tiny)],
      /--config may be given once/
    );
    refuses(["relu", "--name", "x"], /--name goes with --config/);
    refuses(["--config", JSON.stringify(tiny), "--name", "a_b"], /--name must be/);
    refuses(["--config", JSON.stringify(tiny), "--name", "relu"], /is a preset's name/);
  });

  it("exits 2 on an invalid config and writes nothing", () => {
    const out = join(scratch, "invalid");
    const {status, stderr} = cli(["--config", JSON.stringify({...tiny, width: 2}), "--out", out]);
    assert.equal(status, 2);
    assert.match(stderr, /^experiment: --config: width: must be a whole number from 4 to 1024, got 2/);
    assert.equal(existsSync(out), false);
  });

  it("trains a tiny config end to end into a record the site's loader reads, then skips it", () => {
    const out = join(scratch, "run");
    const args = ["--config", JSON.stringify(tiny), "--name", "tiny", "--out", out, "--backend", "cpu"];
    const first = cli(args);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(readdirSync(out), ["tiny_s7_e1_n600.json"]);
    const record = JSON.parse(readFileSync(join(out, "tiny_s7_e1_n600.json"), "utf8"));
    assert.deepEqual(record.config, {...tiny, snapshotEvery: 10});
    assert.equal(record.experiment.preset, "tiny");
    assert.equal(record.experiment.study, null);
    assert.equal(record.experiment.status, "done");
    assert.equal(record.epochs.length, 1);
    assert.ok(record.test.accuracy > 0.1, `test accuracy ${record.test.accuracy}`);
    loadRunRecord(record); // throws on a record the site's loaders cannot read
    const again = cli([...args, "--skip-existing"]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /\[tiny\] skipped: .*exists/);
  });
});

describe("experimentCommand", () => {
  it("gives a shell command whose words parse back to the same config, quotes and all", () => {
    const config = {...tiny, seeds: {init: 1, data: 2}};
    // "it's" is no valid run name (the CLI refuses it): what is tested is that its quote survives the shell.
    const command = experimentCommand(config, {name: "it's", backend: "cpu"});
    assert.match(command, /^npm run experiment -- --config '/);
    // The shell splits the words; printf hands them back one per NUL, as npm would hand them to the script.
    const words = spawnSync("bash", ["-c", command.replace(/^npm run experiment --/, "printf '%s\\0'")], {
      encoding: "utf8"
    }).stdout.split("\0");
    assert.deepEqual(words.slice(0, 2), ["--config", JSON.stringify(config)]);
    assert.deepEqual(words.slice(2, 6), ["--name", "it's", "--backend", "cpu"]);
    assert.deepEqual(parsedConfig(words.slice(0, 2)).config, config);
  });
});
