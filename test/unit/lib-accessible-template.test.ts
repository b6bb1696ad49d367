import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {JSDOM} from "jsdom";
import {fixTemplate} from "../../src/lib/accessible-template.js";

// The parts of a page that Framework 1.13.4's render.js writes and the fixes touch, as it writes them.
const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<label id="observablehq-sidebar-backdrop" for="observablehq-sidebar-toggle"></label>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link observablehq-link-active"><a href="./">Vanishing Gradients, live</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<aside id="observablehq-toc"><nav><div>Contents</div><ol><li><a href="#a">A</a></li></ol></nav></aside>
<main id="observablehq-main" class="observablehq"><h1>Title</h1></main>
</div>
</body>
</html>`;

describe("fixTemplate", () => {
  it("sets the language, allows zoom, names the sidebar toggle and both navigations", () => {
    const doc = new JSDOM(PAGE).window.document;
    fixTemplate(doc);
    assert.equal(doc.documentElement.lang, "en");
    assert.equal(
      doc.querySelector('meta[name="viewport"]')!.getAttribute("content"),
      "width=device-width, initial-scale=1"
    );
    assert.equal(
      doc.getElementById("observablehq-sidebar-toggle")!.getAttribute("aria-label"),
      "Show sidebar"
    );
    assert.equal(doc.getElementById("observablehq-sidebar")!.getAttribute("aria-label"), "Pages");
    assert.equal(doc.querySelector("#observablehq-toc > nav")!.getAttribute("aria-label"), "Contents");
  });

  it("hides the mouse-only labels from assistive technology, so the sidebar's list holds only items", () => {
    const doc = new JSDOM(PAGE).window.document;
    fixTemplate(doc);
    for (const id of ["observablehq-sidebar-close", "observablehq-sidebar-backdrop"])
      assert.equal(doc.getElementById(id)!.getAttribute("aria-hidden"), "true", id);
    const exposed = [...doc.querySelectorAll("#observablehq-sidebar ol > *")].filter(
      (child) => child.getAttribute("aria-hidden") !== "true"
    );
    assert.ok(exposed.every((child) => child.tagName === "LI"));
  });

  it("keeps a language the page already declares and tolerates a page without the template", () => {
    const doc = new JSDOM('<html lang="de"><body></body></html>').window.document;
    fixTemplate(doc);
    fixTemplate(doc);
    assert.equal(doc.documentElement.lang, "de");
  });
});
