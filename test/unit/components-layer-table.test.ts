import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {layerTable} from "../../components/layer-table.js";
import {all, texts} from "./components-dom.js";
import {loadRun, matchesSnapshot} from "./components-fixtures.js";

describe("layerTable", () => {
  it("lists every layer, output first, with step-0 and current gradient norms and their ratio to the output", () => {
    const run = loadRun("vanishing-run");
    const last = run.at(-1)!;
    const table = layerTable(last, {initial: run[0]});
    const rows = all(table, "tbody tr");
    assert.equal(rows.length, last.layers.length);
    assert.equal(texts(rows[0]!, "td")[0], "output");
    assert.equal(texts(rows.at(-1)!, "td")[0], last.layers[0]!.name);
    assert.match(texts(rows.at(-1)!, "td")[3]!, /×$/);
    assert.match(texts(table, "caption")[0]!, new RegExp(`step ${last.step}`));
    matchesSnapshot(table, "layer-table");
  });

  it("shows dashes, not NaN, for missing numbers and an empty table without data", () => {
    assert.equal(all(layerTable(null), "tbody tr").length, 0);
    const run = loadRun("vanishing-run");
    const table = layerTable(run[0]);
    assert.ok(texts(table, "td").every((text) => !text.includes("NaN")));
  });
});
