// CSV and JSON downloads of the comparison table: quoting, formula guards, column order, and the Blob the button
// hands to the browser (jsdom, with URL.createObjectURL stubbed: jsdom has none).
import "./components-dom.js";
import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {csvField, downloadButton, toCsv, toJson} from "../../src/lib/table-export.js";

const rows = [
  {title: "Baseline", accuracy: 0.1, note: 'says "chance", twice'},
  {title: "Skip", accuracy: null, note: "line one\nline two"}
];
const columns = [{key: "title", header: "Experiment"}, {key: "accuracy"}, {key: "note"}] as const;

describe("toCsv", () => {
  it("writes the header and one CRLF line per row, quoting only where RFC 4180 needs it", () => {
    assert.equal(
      toCsv(rows, columns),
      'Experiment,accuracy,note\r\nBaseline,0.1,"says ""chance"", twice"\r\nSkip,,"line one\nline two"\r\n'
    );
  });

  it("guards text a spreadsheet would run as a formula, but not negative numbers", () => {
    assert.equal(csvField("=SUM(A1)"), "'=SUM(A1)");
    assert.equal(csvField("-1+1"), "'-1+1");
    assert.equal(csvField(-0.05), "-0.05");
    assert.equal(csvField(NaN), "");
    assert.equal(csvField("a,b"), '"a,b"');
  });
});

describe("toJson", () => {
  it("keeps the given columns in order with null for missing values", () => {
    const parsed = JSON.parse(toJson(rows, [{key: "accuracy"}, {key: "title"}])) as object[];
    assert.deepEqual(parsed, [
      {accuracy: 0.1, title: "Baseline"},
      {accuracy: null, title: "Skip"}
    ]);
    assert.deepEqual(Object.keys(parsed[0]!), ["accuracy", "title"]);
  });
});

describe("downloadButton", () => {
  it("saves nothing and passes on the reason when the content cannot be given", () => {
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), "blob:test/none");
    const reasons: string[] = [];
    const content = () => {
      throw new Error("not finished yet");
    };
    const button = downloadButton({
      label: "W",
      filename: "w.json",
      type: "application/json",
      content,
      onError: (m) => reasons.push(m)
    });
    button.click();
    assert.deepEqual(reasons, ["not finished yet"]);
    assert.equal(created.length, 0);
  });

  it("saves the content of the moment as a Blob under the file name, and releases the previous URL", async () => {
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), `blob:test/${blobs.length}`);
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const clicked: {href: string; download: string}[] = [];
    document.addEventListener("click", (event) => {
      const link = event.target as HTMLAnchorElement;
      if (link.tagName !== "A") return;
      event.preventDefault(); // jsdom cannot navigate; the browser test checks a real download
      clicked.push({href: link.href, download: link.download});
    });
    let version = 1;
    const button = downloadButton({
      label: "CSV",
      filename: "study.csv",
      type: "text/csv",
      content: () => `v${version}`
    });
    document.body.append(button);
    assert.deepEqual([button.type, button.textContent], ["button", "CSV"]);
    button.click();
    version = 2;
    button.click();
    assert.deepEqual(clicked, [
      {href: "blob:test/1", download: "study.csv"},
      {href: "blob:test/2", download: "study.csv"}
    ]);
    assert.deepEqual(await Promise.all(blobs.map((b) => b.text())), ["v1", "v2"]);
    assert.equal(blobs[0]!.type, "text/csv");
    assert.deepEqual(revoked, ["blob:test/1"]);
    assert.equal(document.querySelectorAll("a").length, 0, "the temporary link is removed");
  });
});
