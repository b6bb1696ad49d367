// The comparison table of the study page: one row per experiment with this project's numbers next to the
// study's, and a note wherever they differ that names the study's known defects (study.md). The same rows are
// shown, sorted and downloaded, so the CSV and JSON files say exactly what the table says.
import type {ExperimentSummary, RunSummary, StudyRuns} from "./study-types.js";

/** Within this many points (2 percentage points) a result "agrees": closer than seeds of one setup differ. */
export const AGREEMENT = 0.02;

export interface ComparisonRow {
  experiment: number | null;
  preset: string;
  title: string;
  status: ExperimentSummary["status"];
  /** Seed of the run shown (the study's 42 when it exists). */
  seed: number | null;
  testAccuracy: number | null;
  validationAccuracy: number | null;
  trainLoss: number | null;
  /** Our figure that corresponds to the study's: the final test accuracy, or the stage it reported. */
  ours: number | null;
  study: number | null;
  /** ours − study, as a share (0.05 is 5 points). */
  difference: number | null;
  seeds: number;
  seedMin: number | null;
  seedMax: number | null;
  seedMean: number | null;
  note: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;

/** The study's defect behind a seed-sensitive result, in a sentence. */
const SEED_CAUSES: Readonly<Record<string, string>> = {
  "gradnorm-study":
    "The study's layer drops the 1/batch-size factor of the mean loss, so its early gradients are hundreds of " +
    "times the baseline's and the outcome swings with the seed: the study's figure is one seed's luck.",
  "init-std-10":
    "With weights N(0, 10²) almost every sigmoid saturates, and which units escape depends on the seed."
};

function seedSentence(row: ExperimentSummary): string {
  const cause = SEED_CAUSES[row.preset] ?? "The result depends on the seed.";
  const s = row.seeds;
  if (!s || s.count < 2) return `${cause} Only one seed has been run so far.`;
  const reported = row.study?.reportedTestAccuracy;
  const where =
    reported === undefined
      ? ""
      : reported >= s.min && reported <= s.max
        ? " The study's value lies inside that range."
        : " The study's value lies outside that range.";
  return `${cause} Over ${s.count} seeds ours range ${pct(s.min)}–${pct(s.max)} (mean ${pct(s.mean)}).${where}`;
}

/** The note of one row: why ours and the study's differ, or that they agree. */
export function comparisonNote(row: ExperimentSummary, run: RunSummary | null): string {
  if (!run) return "Not yet run at the study's protocol.";
  const parts: string[] = [];
  if (run.status === "diverged") parts.push(`Diverged${run.message ? `: ${run.message}` : "."}`);
  if (!row.study) parts.push("This project's variant: the study did not run it.");
  if (row.study && run.compared.kind === "stage" && run.comparedAccuracy !== null) {
    parts.push(
      `The study printed its stage-${run.compared.stage} result as the final one (a defect), so its ` +
        `${row.study.reportedTestAccuracy} is compared with our stage-${run.compared.stage} test accuracy; ` +
        `our final stage reaches ${run.testAccuracy === null ? "no result" : pct(run.testAccuracy)}.`
    );
  }
  if (row.study && row.seedSensitive) parts.push(seedSentence(row));
  else if (row.study && run.comparedAccuracy !== null) {
    const d = run.comparedAccuracy - row.study.reportedTestAccuracy;
    parts.push(
      Math.abs(d) <= AGREEMENT
        ? `Agrees with the study within ${AGREEMENT * 100} points.`
        : `Differs by ${points(d)} points. Possible causes: one seed each, another split of the same images, ` +
            "float32 TensorFlow.js instead of PyTorch."
    );
  }
  return parts.join(" ");
}

export function comparisonRows(study: StudyRuns): ComparisonRow[] {
  return study.experiments.map((row) => {
    const run = study.runs.find((r) => r.file === row.referenceFile) ?? null;
    const reported = row.study?.reportedTestAccuracy ?? null;
    const ours = run?.comparedAccuracy ?? null;
    return {
      experiment: row.study?.experiment ?? null,
      preset: row.preset,
      title: row.title,
      status: row.status,
      seed: run?.seed ?? null,
      testAccuracy: run?.testAccuracy ?? null,
      validationAccuracy: run?.validationAccuracy ?? null,
      trainLoss: run?.trainLoss ?? null,
      ours,
      study: reported,
      difference: ours !== null && reported !== null ? Number((ours - reported).toFixed(4)) : null,
      seeds: row.seeds?.count ?? 0,
      seedMin: row.seeds?.min ?? null,
      seedMax: row.seeds?.max ?? null,
      seedMean: row.seeds?.mean ?? null,
      note: comparisonNote(row, run)
    };
  });
}

/** How a row's value reads in the table: shares as percentages, differences in points, "–" for none. */
export const FORMATS = {
  percent: (v: unknown) => (typeof v === "number" ? pct(v) : "–"),
  points: (v: unknown) => (typeof v === "number" ? points(v) : "–"),
  loss: (v: unknown) => (typeof v === "number" ? v.toFixed(3) : "–"),
  plain: (v: unknown) => (v == null ? "–" : String(v))
};

/** "3 seeds: 10.0%–19.3%" for the table's seed column. */
export function seedsText(row: ComparisonRow): string {
  if (!row.seeds) return "–";
  if (row.seeds === 1 || row.seedMin === null || row.seedMax === null) return `${row.seeds} seed`;
  return `${row.seeds} seeds: ${pct(row.seedMin)}–${pct(row.seedMax)}`;
}
