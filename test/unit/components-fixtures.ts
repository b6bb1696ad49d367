// Fixture runs and SVG snapshots of the component tests (test/fixtures/components/).
import assert from "node:assert/strict";
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import type {Snapshot} from "../../src/engine/types.js";

const folder = new URL("../fixtures/components/", import.meta.url);

/** A fresh copy of a fixture run, so a test may mutate it freely. */
export function loadRun(name: "vanishing-run" | "healthy-run"): Snapshot[] {
  return JSON.parse(readFileSync(new URL(`${name}.json`, folder), "utf8")) as Snapshot[];
}

/**
 * Compares the SVG's markup with the committed `<name>.svg`, writing the file when it is missing or
 * when UPDATE_SNAPSHOTS=1 (then review the diff before committing).
 */
export function matchesSnapshot(svg: Element, name: string): void {
  const file = new URL(`${name}.svg`, folder);
  const actual = `${svg.outerHTML}\n`;
  // On CI a missing snapshot is a failure: writing it there would make the test pass without checking anything.
  if (process.env.CI && !existsSync(file))
    assert.fail(`${name}.svg is missing: run the tests locally and commit it`);
  if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(
    actual,
    readFileSync(file, "utf8"),
    `${name}.svg differs; rerun with UPDATE_SNAPSHOTS=1 if intended`
  );
}
