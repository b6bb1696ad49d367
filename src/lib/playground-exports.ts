// What a reader can download of one playground run, each as a pure function of the run: its per-step metrics
// (CSV and JSON), its config as the `npm run experiment` command line that retrains it in Node, a PyTorch script
// that trains it on the same split in the same order, and its trained weights. The exports are a list: another
// download is one more entry. An export that has nothing to give yet throws, with the reason.
import type {Snapshot, TrainConfig, TrainedWeights} from "../engine/types.js";
import {experimentCommand} from "./experiment-command.js";
import {pytorchScript} from "./pytorch-script.js";
import {toCsv, toJson, type ExportColumn} from "./table-export.js";
import {denseParameterCount, MAX_EXPORTED_PARAMETERS, weightsJson} from "./weights-json.js";

export interface ExportedRun {
  /** 1-based: which configuration of the page, for file names. */
  index: number;
  label: string;
  config: TrainConfig;
  snapshots: readonly Snapshot[];
  /** The trained weights, once the run has finished (null before, or for a run that did not finish). */
  weights: TrainedWeights | null;
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
  },
  {
    label: "PyTorch script",
    file: "train.py",
    type: "text/x-python",
    content: (run) => pytorchScript(run.config)
  },
  {
    label: "Trained weights (JSON)",
    file: "weights.json",
    type: "application/json",
    content: (run) => {
      if (run.weights) return weightsJson(run.weights, run.config);
      const count = denseParameterCount(run.config);
      throw new Error(
        count > MAX_EXPORTED_PARAMETERS
          ? `${run.label}: ${count.toLocaleString("en")} parameters are too many to download (at most ${MAX_EXPORTED_PARAMETERS.toLocaleString("en")}).`
          : `${run.label}: the trained weights are saved once the run has finished.`
      );
    }
  }
];

/** "config-2-metrics.csv". */
export const exportFileName = (run: Pick<ExportedRun, "index">, exp: Pick<RunExport, "file">) =>
  `config-${run.index}-${exp.file}`;
