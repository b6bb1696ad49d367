// Row validation shared by both sources (npm package JSON and official IDX files).
// The npm package is known to hold malformed rows (class 0 has two empty lists), so every row is checked
// before it can reach a shard: a silently wrong image would poison training without any visible error.

import type {FashionDroppedRow} from "../src/lib/fashion-data.js";

export const IMAGE_SIDE = 28;
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;
export const CLASS_NAMES = [
  "T-shirt/top",
  "Trouser",
  "Pullover",
  "Dress",
  "Coat",
  "Sandal",
  "Shirt",
  "Sneaker",
  "Bag",
  "Ankle boot"
] as const;
export const NUM_CLASSES = CLASS_NAMES.length;

/** A row left out of the dataset, with where it came from, so the build log and the manifest can name it. */
export type DroppedRow = FashionDroppedRow;

export function isKnownClass(label: number): boolean {
  return Number.isInteger(label) && label >= 0 && label < NUM_CLASSES;
}

/** Why a JSON row is not an image (784 integers in 0..255), or null when it is one. */
export function rowProblem(row: unknown): string | null {
  if (!Array.isArray(row)) return `not an array (${row === null ? "null" : typeof row})`;
  if (row.length !== IMAGE_PIXELS) return `has ${row.length} values, expected ${IMAGE_PIXELS}`;
  for (let i = 0; i < row.length; i++) {
    const v: unknown = row[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 255) {
      return `value ${JSON.stringify(v)} at pixel ${i} is not an integer in 0..255`;
    }
  }
  return null;
}

/** One line per dropped row plus a total, for stderr. */
export function formatDropped(dropped: readonly DroppedRow[]): string {
  if (dropped.length === 0) return "fashion-mnist: no invalid rows dropped\n";
  const lines = dropped.map((d) => `  ${d.source} class ${d.label} row ${d.index}: ${d.reason}\n`);
  return `fashion-mnist: dropped ${dropped.length} invalid row(s):\n${lines.join("")}`;
}
