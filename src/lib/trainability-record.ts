// Reading and making the trainability grid's records: a loaded file is checked field by field (a malformed one
// fails with a message naming the field, never a chart of nonsense), and a finished run becomes a cell.
import {ACTIVATIONS} from "../engine/activations.js";
import type {RunStatus, Snapshot} from "../engine/types.js";
import {gridKey, type GridCell, type GridRecord, type GridSettings} from "./trainability.js";

export class GridFormatError extends Error {
  constructor(where: string, problem: string) {
    super(`Trainability grid ${where}: ${problem}`);
    this.name = "GridFormatError";
  }
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

function positiveNumber(where: string, x: unknown, integer = false): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x)))
    throw new GridFormatError(where, `must be a positive ${integer ? "whole number" : "number"}, got ${x}`);
  return x;
}

function ascending(where: string, x: unknown, integer: boolean): number[] {
  if (!Array.isArray(x) || x.length === 0) throw new GridFormatError(where, "must be a non-empty list");
  x.forEach((v, i) => positiveNumber(`${where}[${i}]`, v, integer));
  if (x.some((v, i) => i > 0 && v <= x[i - 1]))
    throw new GridFormatError(where, "must be in ascending order without repeats");
  return x as number[];
}

export function validateSettings(x: unknown, where = "settings"): GridSettings {
  if (!isObject(x)) throw new GridFormatError(where, "must be an object");
  if (typeof x.activation !== "string" || !(x.activation in ACTIVATIONS))
    throw new GridFormatError(`${where}.activation`, `unknown activation ${String(x.activation)}`);
  ascending(`${where}.scales`, x.scales, false);
  ascending(`${where}.depths`, x.depths, true);
  for (const field of ["width", "steps", "batchSize", "seed"] as const)
    if (field !== "seed" || x.seed !== 0) positiveNumber(`${where}.${field}`, x[field], true);
  positiveNumber(`${where}.learningRate`, x.learningRate);
  return x as unknown as GridSettings;
}

/** A number, or null where the JSON could not keep one (NaN and ±∞ are written as null). */
const numberOrNull = (where: string, x: unknown): number | null => {
  if (x === null || (typeof x === "number" && !Number.isNaN(x))) return x as number | null;
  throw new GridFormatError(where, `must be a number or null, got ${JSON.stringify(x)}`);
};

function validateCell(x: unknown, i: number, settings: GridSettings): GridCell {
  const where = `cells[${i}]`;
  if (!isObject(x)) throw new GridFormatError(where, "must be an object");
  if (!settings.scales.includes(x.scale as number) || !settings.depths.includes(x.depth as number))
    throw new GridFormatError(
      where,
      `(scale ${x.scale}, depth ${x.depth}) is not a cell of the settings' grid`
    );
  const accuracy = numberOrNull(`${where}.accuracy`, x.accuracy);
  if (accuracy !== null && (accuracy < 0 || accuracy > 1))
    throw new GridFormatError(`${where}.accuracy`, `must be from 0 to 1, got ${accuracy}`);
  numberOrNull(`${where}.loss`, x.loss);
  if (typeof x.diverged !== "boolean")
    throw new GridFormatError(`${where}.diverged`, "must be true or false");
  if (!Number.isInteger(x.steps) || (x.steps as number) < 0)
    throw new GridFormatError(`${where}.steps`, `must be a whole number of steps, got ${x.steps}`);
  if (x.failed !== undefined && typeof x.failed !== "boolean")
    throw new GridFormatError(`${where}.failed`, "must be true or false when present");
  if (typeof x.wallMs !== "number" || !(x.wallMs >= 0))
    throw new GridFormatError(`${where}.wallMs`, "must be a duration in ms");
  return x as unknown as GridCell;
}

/** Checks a loaded record (JSON.parse output); throws GridFormatError naming the first bad field. */
export function validateGrid(x: unknown): GridRecord {
  if (!isObject(x)) throw new GridFormatError("file", "must be a JSON object {settings, cells}");
  const settings = validateSettings(x.settings);
  if (!Array.isArray(x.cells)) throw new GridFormatError("cells", "must be a list");
  const cells = x.cells.map((cell, i) => validateCell(cell, i, settings));
  const seen = new Set<string>();
  for (const {scale, depth} of cells) {
    if (seen.has(`${scale}|${depth}`))
      throw new GridFormatError("cells", `(scale ${scale}, depth ${depth}) appears twice`);
    seen.add(`${scale}|${depth}`);
  }
  if (x.computedWith !== undefined && typeof x.computedWith !== "string")
    throw new GridFormatError("computedWith", "must be a string");
  return x as unknown as GridRecord;
}

/** The stored record if it is valid and belongs to `settings`, else null (a stale or corrupt entry is ignored). */
export function recordFor(settings: GridSettings, text: string | null): GridRecord | null {
  if (!text) return null;
  try {
    const record = validateGrid(JSON.parse(text));
    return gridKey(record.settings) === gridKey(settings) ? record : null;
  } catch {
    return null;
  }
}

/** What a finished run of a cell leaves: its test metrics, or the reason it has none. */
export function cellResult(
  cell: {scale: number; depth: number},
  run: {status: RunStatus; step: number; snapshots: readonly Snapshot[]},
  wallMs: number
): GridCell {
  const test = run.snapshots.findLast((s) => s.test !== null)?.test ?? null;
  const lastLoss = run.snapshots.at(-1)?.train.loss ?? null;
  const diverged =
    run.status === "diverged" || (test !== null && !Number.isFinite(test.loss)) || Number.isNaN(lastLoss);
  const failed = run.status === "failed" || (!diverged && test === null);
  return {
    ...cell,
    accuracy: diverged || failed ? null : test!.accuracy,
    loss: failed ? null : (test?.loss ?? lastLoss ?? NaN),
    diverged,
    ...(failed ? {failed: true} : {}),
    steps: run.step,
    wallMs: Math.round(wallMs)
  };
}
