// What a reader can download of one playground run, each as a pure function of the run: its per-step metrics
// (CSV and JSON), and its config as the `npm run experiment` command line that retrains it in Node. The exports
// are a list, so another download (the trained weights, a PyTorch script) is one more entry:
//
//   {label: "PyTorch script", file: "train.py", type: "text/x-python", content: (run) => pytorchScript(run.config)}
import type {Snapshot, TrainConfig} from "../engine/types.js";
import {toCsv, toJson, type ExportColumn} from "./table-export.js";

export interface ExportedRun {
  /** 1-based: which configuration of the page, for file names. */
  index: number;
  label: string;
  config: TrainConfig;
  snapshots: readonly Snapshot[];
}

export interface RunExport {
  label: string;
  /** The file name, after the run's prefix ("config-1-"). */
  file: string;
  type: string;
  content(run: ExportedRun): string;
}

export type MetricsRow = Record<string, number | string | null>;

/** One row per snapshot: when, its metrics, and each layer's ‖∂L/∂W‖ (grad_1 … grad_L, the output layer last). */
export function metricsRows(snapshots: readonly Snapshot[]): MetricsRow[] {
  return snapshots.map((s) => ({
    step: s.step,
    epoch: s.epoch,
    kind: s.kind,
    stage: s.stage ? s.stage.index + 1 : null,
    train_loss: s.train.loss,
    train_accuracy: s.train.accuracy,
    validation_loss: s.validation?.loss ?? null,
    validation_accuracy: s.validation?.accuracy ?? null,
    test_loss: s.test?.loss ?? null,
    test_accuracy: s.test?.accuracy ?? null,
    ...Object.fromEntries(s.layers.map((layer, i) => [`grad_${i + 1}`, layer.gradNorm]))
  }));
}

const columns = (rows: readonly MetricsRow[]): ExportColumn<MetricsRow>[] =>
  [...new Set(rows.flatMap((row) => Object.keys(row)))].map((key) => ({key}));

/** A POSIX shell word holding `text` exactly: single quotes, each ' written as '\''. */
export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The command that trains `config` in Node with the engine the page uses (the runner's --config option). */
export const experimentCommand = (config: TrainConfig) =>
  `npm run experiment -- --config ${shellQuote(JSON.stringify(config))}`;

export const RUN_EXPORTS: readonly RunExport[] = [
  {
    label: "Metrics (CSV)",
    file: "metrics.csv",
    type: "text/csv",
    content: (run) => {
      const rows = metricsRows(run.snapshots);
      return toCsv(rows, columns(rows));
    }
  },
  {
    label: "Metrics (JSON)",
    file: "metrics.json",
    type: "application/json",
    content: (run) => {
      const rows = metricsRows(run.snapshots);
      return `{"label": ${JSON.stringify(run.label)},\n"config": ${JSON.stringify(run.config)},\n"metrics": ${toJson(rows, columns(rows))}}\n`;
    }
  },
  {
    label: "Command line",
    file: "experiment.sh",
    type: "text/x-shellscript",
    content: (run) => `#!/bin/sh\n# ${run.label.replace(/\n/g, " ")}\n${experimentCommand(run.config)}\n`
  }
];

/** "config-2-metrics.csv". */
export const exportFileName = (run: Pick<ExportedRun, "index">, exp: Pick<RunExport, "file">) =>
  `config-${run.index}-${exp.file}`;
