// Tiny fixtures for the data pipeline tests: fake images, a fake fashion-mnist package, temp folders.

import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {after} from "node:test";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {DatasetBuffers} from "../../src/engine/types.js";

/** A recognisable 784-pixel image: every pixel is (tag + p) mod 256, so rows can be told apart after shuffles. */
export function fakeImage(tag: number): number[] {
  return Array.from({length: 784}, (_, p) => (tag + p) % 256);
}

/** A dataset whose image i is fakeImage(tags[i]) with label labels[i]. */
export function fakeDataset(
  labels: readonly number[],
  tags: readonly number[] = labels.map((_, i) => i)
): DatasetBuffers {
  const images = new Uint8Array(labels.length * 784);
  tags.forEach((tag, i) => images.set(fakeImage(tag), i * 784));
  return {images, labels: Uint8Array.from(labels), count: labels.length};
}

/** A fresh folder under the OS temp dir (no node_modules above it); remove it with removeDir. */
export function makeTempDir(prefix = "data-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, {recursive: true, force: true});
}

/**
 * Writes a fake fashion-mnist package: src/clothes/<label>.json with `perClass` valid rows each, image
 * tag = 100·label + row, plus any extra rows given per class (appended after the valid ones).
 */
export function writeFakePackage(
  dir: string,
  perClass: number,
  extraRows: Record<number, unknown[]> = {}
): string {
  const packageDir = join(dir, "fashion-mnist");
  mkdirSync(join(packageDir, "src", "clothes"), {recursive: true});
  writeFileSync(join(packageDir, "package.json"), JSON.stringify({name: "fashion-mnist", version: "1.1.0"}));
  for (let label = 0; label < 10; label++) {
    const rows: unknown[] = Array.from({length: perClass}, (_, i) => fakeImage(100 * label + i));
    rows.push(...(extraRows[label] ?? []));
    writeFileSync(join(packageDir, "src", "clothes", `${label}.json`), JSON.stringify({data: rows}));
  }
  return packageDir;
}

/** The 784 bytes of image i. */
export function imageAt(data: DatasetBuffers, i: number): number[] {
  return Array.from(data.images.subarray(i * 784, (i + 1) * 784));
}

/** A temp-folder factory for one describe block; every folder it made is removed after the block. */
export function tempDirs(): () => string {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));
  return () => {
    const dir = makeTempDir();
    dirs.push(dir);
    return dir;
  };
}
