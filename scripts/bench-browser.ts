// npm run bench:browser [-- --json] [-- --dist DIR]: how the built site behaves in headless chromium while it
// trains, for each page with live training. Builds nothing: run `npm run build` first. Serves dist/ with gzip (as
// hosts do) and launches chromium with the browser tests' flags, in a fresh profile (a first visit).
//
// Per page: the longest main-thread task and the tasks over 50 ms during the default run; the delay from a
// slider's input event to the next frame while a run trains; steps per second of the default run in the page
// against the same run in Node on wasm (this process, the engine the pages use), each the median of three runs
// taken in turn (a page visit, then a Node run) after a Node warm-up, as npm run bench does; time from navigation to the
// first live snapshot drawn; JavaScript bytes transferred before the reader starts a run (?autostart=0) and by the
// first snapshot of the default run (worker scripts included). The first snapshot is timed on a first visit (the
// backend measured) and on a repeat visit. Then the index page's explorer: redraw latency per depth
// (bench-browser-explorer.ts).
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Page} from "playwright-core";
import {launchBrowser} from "../test/browser/browser.js";
import {DIST_DIR} from "../test/browser/harness.js";
import {startServer} from "../test/browser/server.js";
import {PAGE_PROBE, type PageProbe} from "./bench-browser-probe.js";
import {measureExplorer} from "./bench-browser-explorer.js";
import {nodeStepsPerSecond} from "./bench-browser-node.js";

/** Pages that train a network live when they load (the remedy pages will join this list). */
const LIVE_PAGES = ["/problem"];
const SLIDER = 'input[type="range"][aria-label="Epochs"]';
const INPUTS = 10;
const RUN_TIMEOUT_MS = 300_000;
/** Default runs after the first visit's, for the median steps per second (the machine's speed drifts). */
const REPEAT_VISITS = 2;

const json = process.argv.includes("--json");
const distArg = process.argv.indexOf("--dist");
const dist = distArg > 0 ? resolve(process.argv[distArg + 1]!) : DIST_DIR;
/** `--backend wasm` forces one backend in every page (?backend=); by default each page chooses. */
const backendArg = process.argv.indexOf("--backend");
const forced = backendArg > 0 ? `backend=${process.argv[backendArg + 1]}` : null;
if (!existsSync(join(dist, "index.html"))) {
  console.error(`bench:browser: no built site in ${dist}: run npm run build first`);
  process.exit(1);
}

const served: {path: string; bytes: number}[] = [];
const jsBytes = () => served.filter((r) => /\.m?js$/.test(r.path)).reduce((n, r) => n + r.bytes, 0);
const server = await startServer(dist, {gzip: true, onServe: (path, bytes) => served.push({path, bytes})});
const browser = await launchBrowser();
await browser.context.addInitScript({content: PAGE_PROBE});

const probe = (page: Page) => page.evaluate(() => (window as unknown as {__bench: PageProbe}).__bench);
const status = (page: Page) => page.locator(".status").innerText();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** Steps per second of a finished run, from its first snapshot drawn to "Finished". */
const stepsPerSecond = (steps: number, run: PageProbe) =>
  (steps * 1000) / (run.finishedAt! - run.firstSnapshotAt!);

/** `alongside` runs after each of the page's default runs (the Node runs, so drift falls on both alike). */
async function measure(path: string, alongside: () => Promise<void>) {
  const page = await browser.context.newPage();
  const url = (query: string) => {
    const params = [query, forced].filter(Boolean).join("&");
    return `${server.origin}${path}${params ? `?${params}` : ""}`;
  };
  // Before a run: everything the page loads when nothing trains.
  served.length = 0;
  await page.goto(url("autostart=0"), {waitUntil: "networkidle"});
  await page.locator("button.train:enabled").waitFor({timeout: RUN_TIMEOUT_MS});
  await page.waitForTimeout(1000);
  const jsBeforeRun = jsBytes();

  // The default run, as a first-time reader gets it.
  served.length = 0;
  await page.goto(url(""));
  await page.waitForFunction(
    () => (window as unknown as {__bench: PageProbe}).__bench.firstSnapshotAt,
    null,
    {
      timeout: RUN_TIMEOUT_MS,
      polling: 100
    }
  );
  const jsFirstSnapshot = jsBytes();
  await page.waitForFunction(() => (window as unknown as {__bench: PageProbe}).__bench.finishedAt, null, {
    timeout: RUN_TIMEOUT_MS,
    polling: 100
  });
  const run = await probe(page);
  await alongside();
  const steps = Number(/step (\d+) of/.exec(await status(page))?.[1]);
  const during = run.longTasks.filter(([start]) => start >= run.firstSnapshotAt! && start <= run.finishedAt!);
  const backend = await page.locator(".backend").innerText();

  // Slider input while a run trains.
  await page.locator("button.train").click();
  await page.waitForFunction(() =>
    /^Training: step [1-9]/.test(document.querySelector(".status")?.textContent ?? "")
  );
  await page.locator(SLIDER).focus();
  await page.evaluate(() => ((window as unknown as {__bench: PageProbe}).__bench.inputFrames.length = 0));
  const sent: number[] = [];
  for (let i = 0; i < INPUTS; i++) {
    sent.push(Date.now());
    await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight");
    await page.waitForTimeout(300);
  }
  const {inputFrames} = await probe(page);
  if (inputFrames.length !== INPUTS) throw new Error(`${inputFrames.length} input events for ${INPUTS} keys`);
  const inputDelays = inputFrames.map((at, i) => at - sent[i]!);

  // Repeat visits: scripts are fetched again (no-store) but the page may remember what it measured. Each trains
  // the default run to the end too, so the page's steps per second is a median over REPEAT_VISITS + 1 runs.
  const stepRates = [stepsPerSecond(steps, run)];
  let firstSnapshotRepeatMs = NaN;
  for (let visit = 0; visit < REPEAT_VISITS; visit++) {
    await page.goto(url(""));
    await page.waitForFunction(() => (window as unknown as {__bench: PageProbe}).__bench.finishedAt, null, {
      timeout: RUN_TIMEOUT_MS,
      polling: 100
    });
    const repeat = await probe(page);
    if (visit === 0) firstSnapshotRepeatMs = repeat.firstSnapshotAt!;
    stepRates.push(stepsPerSecond(Number(/step (\d+) of/.exec(await status(page))?.[1]), repeat));
    await alongside();
  }
  await page.close();
  return {
    page: path,
    backend,
    longestTaskMs: Math.round(Math.max(0, ...during.map(([, d]) => d))),
    longTasksOver50: during.length,
    inputDelayMedianMs: Math.round(median(inputDelays)),
    inputDelayMaxMs: Math.round(Math.max(...inputDelays)),
    steps,
    pageStepsPerSecond: +median(stepRates).toFixed(2),
    /** Each default run's steps per second: the first visit's, then the repeat visits'. */
    stepRates: stepRates.map((rate) => +rate.toFixed(2)),
    firstSnapshotMs: Math.round(run.firstSnapshotAt!),
    firstSnapshotRepeatMs: Math.round(firstSnapshotRepeatMs),
    jsKBBeforeRun: Math.round(jsBeforeRun / 1024),
    jsKBByFirstSnapshot: Math.round(jsFirstSnapshot / 1024)
  };
}

const rows: (Awaited<ReturnType<typeof measure>> & {
  nodeRates: number[];
  nodeStepsPerSecond: number;
  ratio: number;
})[] = [];
let explorer: Awaited<ReturnType<typeof measureExplorer>> | null = null;
try {
  for (const path of LIVE_PAGES) {
    // Node's first run in this process compiles and tiers up the wasm module: it is a warm-up, left out (as
    // npm run bench leaves out its first round). Then one Node run after each of the page's runs.
    await nodeStepsPerSecond(path);
    const nodeRates: number[] = [];
    const row = await measure(path, async () => void nodeRates.push(await nodeStepsPerSecond(path)));
    const node = +median(nodeRates).toFixed(2);
    rows.push({
      ...row,
      nodeRates,
      nodeStepsPerSecond: node,
      ratio: +(row.pageStepsPerSecond / node).toFixed(2)
    });
  }
  const page = await browser.context.newPage();
  explorer = await measureExplorer(page, `${server.origin}/${forced ? `?${forced}` : ""}`);
  await page.close();
} finally {
  await browser.close();
  await server.close();
}

if (json) console.log(JSON.stringify({dist, rows, explorer}));
else {
  const columns: [string, (r: (typeof rows)[number]) => string][] = [
    ["page", (r) => r.page],
    ["backend", (r) => r.backend],
    ["longest task ms", (r) => String(r.longestTaskMs)],
    ["tasks >50 ms", (r) => String(r.longTasksOver50)],
    ["input→frame ms (median/max)", (r) => `${r.inputDelayMedianMs}/${r.inputDelayMaxMs}`],
    ["steps/s page", (r) => r.pageStepsPerSecond.toFixed(2)],
    ["steps/s Node wasm", (r) => r.nodeStepsPerSecond.toFixed(2)],
    ["ratio", (r) => r.ratio.toFixed(2)],
    ["first snapshot ms (1st/repeat visit)", (r) => `${r.firstSnapshotMs}/${r.firstSnapshotRepeatMs}`],
    ["JS KB before run", (r) => String(r.jsKBBeforeRun)],
    ["JS KB by 1st snapshot", (r) => String(r.jsKBByFirstSnapshot)]
  ];
  console.log(`| ${columns.map(([name]) => name).join(" | ")} |`);
  console.log(`| ${columns.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${columns.map(([, cell]) => cell(row)).join(" | ")} |`);
  for (const row of rows)
    console.log(
      `${row.page}, steps/s of each run (page, in turn with Node): ${row.stepRates.join(", ")} vs ${row.nodeRates.join(", ")}`
    );
  if (explorer) {
    console.log(`\nExplorer (index page): change → redrawn frame, median of 3 (max), and the worker's pass`);
    console.log("| hidden layers | redraw ms (median/max) | worker ms |\n| --- | --- | --- |");
    for (const r of explorer.rows)
      console.log(`| ${r.depth} | ${r.redrawMedianMs}/${r.redrawMaxMs} | ${r.workerMedianMs} |`);
    console.log(
      `Main-thread tasks over 50 ms meanwhile: ${explorer.longTasksOver50} (longest ${explorer.longestTaskMs} ms)`
    );
  }
}
