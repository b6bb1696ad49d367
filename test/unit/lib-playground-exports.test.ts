// A playground run's downloads: metrics rows per snapshot (CSV parses back to the same numbers, JSON too), the
// experiment command line, which a real shell turns back into the config's exact JSON, the PyTorch script and the
// trained weights (refused, with the reason, before the run has finished).
import assert from "node:assert/strict";
import {execFileSync} from "node:child_process";
import {describe, it} from "node:test";
import {presetByName} from "../../src/engine/presets.js";
import type {TrainedWeights} from "../../src/engine/types.js";
import {experimentCommand} from "../../src/lib/experiment-command.js";
import {
  exportFileName,
  metricsRows,
  RUN_EXPORTS,
  type ExportedRun
} from "../../src/lib/playground-exports.js";
import {pytorchScript} from "../../src/lib/pytorch-script.js";
import {denseParameterCount, WEIGHTS_FORMAT} from "../../src/lib/weights-json.js";
import {loadRun} from "./components-fixtures.js";

const snapshots = loadRun("healthy-run");
const config = presetByName("layerwise").config;
const run: ExportedRun = {index: 2, label: "2: it's Adam", config, snapshots, weights: null};
const exported = (label: string, of: ExportedRun = run) =>
  RUN_EXPORTS.find((e) => e.label === label)!.content(of);

describe("playground exports", () => {
  it("give one metrics row per snapshot with each layer's gradient norm", () => {
    const rows = metricsRows(snapshots);
    assert.equal(rows.length, snapshots.length);
    const last = snapshots.at(-1)!;
    assert.equal(rows.at(-1)!.step, last.step);
    assert.equal(rows.at(-1)!.train_loss, last.train.loss);
    assert.equal(rows.at(-1)![`grad_${last.layers.length}`], last.layers.at(-1)!.gradNorm);
    assert.equal(rows[0]!.grad_1, snapshots[0]!.layers[0]!.gradNorm);
  });

  it("write metrics as CSV whose rows parse back to the numbers", () => {
    const lines = exported("Metrics (CSV)").trimEnd().split("\r\n");
    assert.equal(lines.length, snapshots.length + 1);
    const header = lines[0]!.split(",");
    assert.deepEqual(header.slice(0, 5), ["step", "epoch", "kind", "stage", "train_loss"]);
    const fields = lines.at(-1)!.split(",");
    assert.equal(Number(fields[header.indexOf("train_accuracy")]), snapshots.at(-1)!.train.accuracy);
    assert.equal(Number(fields[header.indexOf("grad_1")]), snapshots.at(-1)!.layers[0]!.gradNorm);
  });

  it("write metrics as JSON with the run's label and config", () => {
    const json = JSON.parse(exported("Metrics (JSON)")) as {
      label: string;
      config: unknown;
      metrics: unknown[];
    };
    assert.equal(json.label, run.label);
    assert.deepEqual(json.config, config);
    assert.deepEqual(json.metrics, JSON.parse(JSON.stringify(metricsRows(snapshots))));
  });

  it("write the command line, whose --config a shell hands over as the config's JSON", () => {
    const command = experimentCommand(config);
    assert.match(command, /^npm run experiment -- --config '\{"depth":7,/);
    // The shell's word after --config is exactly the JSON, which parses to the config.
    const word = command.slice("npm run experiment -- --config ".length);
    const echoed = execFileSync("sh", ["-c", `printf %s ${word}`], {encoding: "utf8"});
    assert.deepEqual(JSON.parse(echoed), config);
    const script = exported("Command line");
    assert.ok(script.includes(command), script);
    assert.match(script, /^#!\/bin\/sh\n# 2: it's Adam\n/);
  });

  it("write the PyTorch script of the run's config", () => {
    assert.equal(exported("PyTorch script"), pytorchScript(config));
    assert.notEqual(pytorchScript(presetByName("baseline").config), pytorchScript(config));
  });

  it("write the trained weights with their format and config, and refuse before the run has finished", () => {
    assert.throws(
      () => exported("Trained weights (JSON)"),
      /2: it's Adam: the trained weights are saved once/
    );
    const weights: TrainedWeights = {
      layout: "row-major",
      layers: [{name: "hidden 1", tensors: [{name: "W", shape: [2, 1], values: [0.5, -0.25]}]}]
    };
    const json = JSON.parse(exported("Trained weights (JSON)", {...run, weights})) as Record<string, unknown>;
    assert.equal(json.format, WEIGHTS_FORMAT);
    assert.deepEqual(json.config, config);
    assert.deepEqual(json.layers, weights.layers);
  });

  it("count a config's Dense parameters, and refuse the weights of a run too large to keep them", () => {
    // 784·128 + 128, then six times 128·128 + 128, then 128·10 + 10: the study's network.
    assert.equal(denseParameterCount(presetByName("baseline").config), 200_842);
    // Maxout's hidden layer has two pieces a unit: 784·8 + 8, then 4·10 + 10.
    assert.equal(denseParameterCount({...config, depth: 1, width: 4, activation: {kind: "maxout"}}), 6_330);
    const huge = {...run, config: {...config, depth: 64, width: 1024}};
    assert.throws(() => exported("Trained weights (JSON)", huge), /parameters are too many to download/);
  });

  it("name files by configuration", () => {
    assert.equal(exportFileName(run, RUN_EXPORTS[0]!), "config-2-metrics.csv");
    assert.equal(new Set(RUN_EXPORTS.map((e) => e.file)).size, RUN_EXPORTS.length);
  });
});
