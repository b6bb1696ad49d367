// The page probe of npm run bench:browser: the first heatmap cell and "Finished" of a page's first run; after
// nextRun(), "Finished" of the next run only, not the finished run's line still showing when Train is pressed.
import assert from "node:assert/strict";
import {test} from "node:test";
import {JSDOM} from "jsdom";
import {PAGE_PROBE, type PageProbe} from "../../scripts/bench-browser-probe.js";

function probedPage() {
  const dom = new JSDOM(
    `<!doctype html><body><div class="status">Not started.</div><div class="live-heatmap"></div></body>`,
    {runScripts: "outside-only"}
  );
  const window = dom.window as unknown as Window & {
    __bench: PageProbe;
    eval(code: string): void;
    PerformanceObserver: unknown;
  };
  window.PerformanceObserver = class {
    observe() {}
  };
  let now = 0;
  window.performance.now = () => now;
  window.eval(PAGE_PROBE);
  window.document.dispatchEvent(new dom.window.Event("DOMContentLoaded"));
  const document = window.document;
  /** Sets the clock, applies a change to the page and lets the probe's observer see it. */
  const at = async (ms: number, change: () => void) => {
    now = ms;
    change();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const status = (text: string) => () => (document.querySelector(".status")!.textContent = text);
  const cells = (count: number) => () =>
    (document.querySelector(".live-heatmap")!.innerHTML = '<div class="cell"></div>'.repeat(count));
  return {bench: () => window.__bench, at, status, cells};
}

test("the probe times a page's first run from its first heatmap cell to Finished", async () => {
  const {bench, at, status, cells} = probedPage();
  await at(100, status("Preparing: loading the images"));
  assert.equal(bench().firstSnapshotAt, null);
  await at(200, cells(16));
  await at(300, cells(32));
  assert.equal(bench().finishedAt, null);
  await at(900, status("Finished: step 90 of 90"));
  assert.equal(bench().firstSnapshotAt, 200);
  assert.equal(bench().finishedAt, 900);
});

test("after nextRun() the probe waits for the next run's Finished, not the finished run's line", async () => {
  const {bench, at, status, cells} = probedPage();
  await at(200, cells(16));
  await at(900, status("Finished: step 90 of 90"));
  bench().nextRun();
  assert.equal(bench().finishedAt, null);
  // Pressing Train redraws the old heatmap while the status still says Finished: that is not the end.
  await at(1000, cells(0));
  await at(1010, cells(368));
  assert.equal(bench().finishedAt, null);
  await at(1100, status("Not started."));
  await at(1400, status("Training: step 4 of 90"));
  assert.equal(bench().finishedAt, null);
  await at(4000, status("Finished: step 90 of 90"));
  assert.equal(bench().finishedAt, 4000);
  assert.equal(bench().firstSnapshotAt, 200, "the first run's first snapshot is kept");
});
