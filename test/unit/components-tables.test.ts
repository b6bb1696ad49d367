import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {dataTable} from "../../components/data-table.js";
import {scrollRegion} from "../../components/scroll-region.js";
import {all, texts} from "./components-dom.js";

const rows = [
  {class: "T-shirt/top", train: 6000, test: 1000},
  {class: "Trouser", train: 5999, test: null}
];

describe("dataTable", () => {
  it("has a caption, column headers with scope, and one row per record in column order", () => {
    const table = dataTable(rows, {caption: "Images per class", headers: {class: "Class"}});
    assert.equal(texts(table, "caption")[0], "Images per class");
    assert.deepEqual(texts(table, "th"), ["Class", "train", "test"]);
    assert.ok(all(table, "th").every((th) => th.getAttribute("scope") === "col"));
    assert.deepEqual(texts(all(table, "tbody tr")[1]!, "td"), ["Trouser", "5,999", "–"]);
  });

  it("right-aligns numbers and has no inputs, so nothing in it needs a name or a click", () => {
    const table = dataTable(rows, {caption: "c", columns: ["test", "class"]});
    assert.deepEqual(texts(table, "th"), ["test", "class"]);
    const [number, text] = all(table, "tbody tr:first-child td") as HTMLElement[];
    assert.equal(number!.style.textAlign, "right");
    assert.equal(text!.style.textAlign, "");
    assert.equal(all(table, "input, button").length, 0);
  });
});

describe("scrollRegion", () => {
  it("wraps a table in a focusable, horizontally scrolling region named by its caption", () => {
    const table = dataTable(rows, {caption: "Images per class"});
    const region = scrollRegion(table);
    assert.equal(region.firstElementChild, table);
    assert.equal(region.getAttribute("role"), "region");
    assert.equal(region.tabIndex, 0);
    assert.equal(region.style.overflowX, "auto");
    const captionId = region.getAttribute("aria-labelledby")!;
    assert.equal(table.caption!.id, captionId);
    assert.notEqual(scrollRegion(dataTable(rows, {caption: "x"})).getAttribute("aria-labelledby"), captionId);
  });

  it("names a region without a caption", () => {
    const region = scrollRegion(document.createElement("table"));
    assert.equal(region.getAttribute("aria-label"), "Table");
  });
});
