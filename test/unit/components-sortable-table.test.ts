import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {compareValues, sortableTable, type SortableColumn} from "../../components/sortable-table.js";
import {all, one, texts} from "./components-dom.js";

interface Row {
  name: string;
  accuracy: number | null;
  note: string;
}

const rows: Row[] = [
  {name: "Baseline", accuracy: 0.1, note: "chance"},
  {name: "Adam", accuracy: 0.86, note: "agrees"},
  {name: "Skip", accuracy: null, note: "not yet run"},
  {name: "ReLU", accuracy: 0.79, note: "agrees"}
];
const percent = (v: unknown) => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "–");
const columns: SortableColumn<Row>[] = [
  {key: "name", label: "Experiment", rowHeader: true},
  {key: "accuracy", label: "Test accuracy", numeric: true, format: percent},
  {key: "note", label: "Note", wrap: "18em"}
];

const names = (table: Element) => texts(table, "tbody th");
const press = (table: Element, label: string) => {
  const button = all(table, "thead button").find((b) => b.textContent?.startsWith(label));
  if (!button) throw new Error(`no header button ${label}`);
  (button as HTMLButtonElement).click();
};

describe("sortableTable", () => {
  it("names rows by a row header, formats cells and keeps the given order without a sort", () => {
    const table = sortableTable(rows, {caption: "Results", columns});
    assert.equal(one(table, "caption").textContent, "Results");
    assert.deepEqual(names(table), ["Baseline", "Adam", "Skip", "ReLU"]);
    assert.ok(all(table, "tbody th").every((th) => th.getAttribute("scope") === "row"));
    assert.deepEqual(texts(all(table, "tbody tr")[2]!, "td"), ["–", "not yet run"]);
    assert.equal((all(table, "tbody tr")[0]!.children[1] as HTMLElement).style.textAlign, "right");
    const note = all(table, "tbody tr")[0]!.children[2] as HTMLElement;
    assert.deepEqual([note.style.whiteSpace, note.style.minWidth], ["normal", "18em"]);
    assert.equal(all(table, "th[aria-sort]").length, 0);
  });

  it("sorts by a header button, toggles the direction, and marks the column with aria-sort", () => {
    const table = sortableTable(rows, {caption: "Results", columns});
    press(table, "Test accuracy");
    assert.deepEqual(names(table), ["Baseline", "ReLU", "Adam", "Skip"]);
    assert.equal(all(table, "thead th")[1]!.getAttribute("aria-sort"), "ascending");
    press(table, "Test accuracy");
    assert.deepEqual(names(table), ["Adam", "ReLU", "Baseline", "Skip"], "null stays last");
    assert.equal(all(table, "thead th")[1]!.getAttribute("aria-sort"), "descending");
    press(table, "Experiment");
    assert.deepEqual(names(table), ["Adam", "Baseline", "ReLU", "Skip"]);
    assert.deepEqual(
      all(table, "thead th").map((th) => th.getAttribute("aria-sort")),
      ["ascending", null, null]
    );
  });

  it("starts from the given sort, keeps ties in their order, and reuses the row elements", () => {
    const table = sortableTable(rows, {caption: "c", columns, sort: {key: "note", direction: "ascending"}});
    const before = new Set(all(table, "tbody tr"));
    assert.deepEqual(names(table), ["Adam", "ReLU", "Baseline", "Skip"]);
    press(table, "Note");
    assert.deepEqual(names(table), ["Skip", "Baseline", "Adam", "ReLU"]);
    assert.ok(all(table, "tbody tr").every((tr) => before.has(tr)));
  });

  it("uses buttons whose arrows are hidden from screen readers", () => {
    const table = sortableTable(rows, {caption: "c", columns, sort: {key: "name", direction: "descending"}});
    const buttons = all(table, "thead button");
    assert.equal(buttons.length, 3);
    assert.ok(buttons.every((b) => b.getAttribute("type") === "button"));
    assert.deepEqual(texts(table, "thead .arrow"), ["▼", "↕", "↕"]);
    assert.ok(all(table, ".arrow").every((a) => a.getAttribute("aria-hidden") === "true"));
  });
});

describe("compareValues", () => {
  it("puts missing values last in both directions", () => {
    for (const direction of ["ascending", "descending"] as const) {
      assert.ok(compareValues(null, 1, direction) > 0);
      assert.ok(compareValues(1, NaN, direction) < 0);
      assert.equal(compareValues(undefined, null, direction), 0);
    }
    assert.ok(compareValues(2, 10, "ascending") < 0);
    assert.ok(compareValues("b", "a", "descending") < 0);
  });
});
