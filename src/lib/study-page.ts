// What the study page derives from the loader's file (study-types.ts) for its charts, table and downloads, so
// the page itself only wires. The shapes the components take are written out here, not imported: tsc would
// reach components/ through the src/components symlink, where their own relative imports do not resolve.
import type {ComparisonRow} from "./study-table.js";
import {FORMATS, seedsText} from "./study-table.js";
import type {GradientSnapshot, RunSummary, StudyRuns} from "./study-types.js";

/** The run a row of the table stands for, or null before any. */
export function referenceRun(study: StudyRuns, preset: string): RunSummary | null {
  const file = study.experiments.find((e) => e.preset === preset)?.referenceFile;
  return study.runs.find((r) => r.file === file) ?? null;
}

/** One small multiple per experiment, in table order; experiments without a run get an empty panel. */
export function gradientPanels(
  study: StudyRuns
): {title: string; start: GradientSnapshot | null; end: GradientSnapshot | null}[] {
  return study.experiments.map((e) => {
    const run = referenceRun(study, e.preset);
    return {title: e.title, start: run?.gradients.start ?? null, end: run?.gradients.end ?? null};
  });
}

/**
 * One validation-accuracy curve per experiment, every experiment listed (without points until it has a run)
 * so that each keeps its colour and dash as runs arrive.
 */
export function accuracySeries(
  study: StudyRuns
): {key: string; label: string; points: {x: number; y: number | null}[]}[] {
  return study.experiments.map((e) => {
    const values = referenceRun(study, e.preset)?.curve.validationAccuracy ?? [];
    return {key: e.preset, label: e.title, points: values.map((y, i) => ({x: i + 1, y}))};
  });
}

/** Every seed of the seed-sensitive experiments (and of any other run with several seeds), with the study's value. */
export function seedRows(
  study: StudyRuns
): {label: string; seeds: {seed: number; accuracy: number}[]; study: number | null}[] {
  return study.experiments
    .filter((e) => e.seedSensitive || (e.seeds?.count ?? 0) > 1)
    .map((e) => ({
      label: e.title,
      seeds: study.runs
        .filter((r) => r.preset === e.preset && r.comparedAccuracy !== null)
        .map((r) => ({seed: r.seed, accuracy: r.comparedAccuracy!})),
      study: e.study?.reportedTestAccuracy ?? null
    }));
}

type Format = (value: unknown, row: ComparisonRow) => string;

/** The table's columns (components/sortable-table.ts reads them): labels, formats and alignment. */
export const TABLE_COLUMNS: {
  key: keyof ComparisonRow & string;
  label: string;
  format?: Format;
  numeric?: boolean;
  wrap?: string;
  rowHeader?: boolean;
}[] = [
  {key: "experiment", label: "#", numeric: true, format: FORMATS.plain},
  {key: "title", label: "Experiment", rowHeader: true, wrap: "9em"},
  {key: "testAccuracy", label: "Test accuracy", numeric: true, format: FORMATS.percent},
  {key: "validationAccuracy", label: "Validation accuracy", numeric: true, format: FORMATS.percent},
  {key: "trainLoss", label: "Train loss (last epoch)", numeric: true, format: FORMATS.loss},
  {key: "study", label: "Study's test accuracy", numeric: true, format: FORMATS.percent},
  {key: "ours", label: "Ours, same figure", numeric: true, format: FORMATS.percent},
  {key: "difference", label: "Difference (points)", numeric: true, format: FORMATS.points},
  {key: "seeds", label: "Seeds", format: (_v, row) => seedsText(row), wrap: "6em"},
  {key: "note", label: "Note", wrap: "15em"}
];

/** Every field of a row, under its own name: the CSV header and the JSON keys. */
export const EXPORT_COLUMNS: {key: keyof ComparisonRow & string}[] = (
  [
    "experiment",
    "preset",
    "title",
    "status",
    "seed",
    "testAccuracy",
    "validationAccuracy",
    "trainLoss",
    "study",
    "ours",
    "difference",
    "seeds",
    "seedMin",
    "seedMax",
    "seedMean",
    "note"
  ] as const
).map((key) => ({key}));

/** "3 h 12 min" of compute, for the narrative. */
export function computeTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
