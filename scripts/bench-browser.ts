// npm run bench:browser [-- --json] [-- --dist DIR]: how the built site behaves in headless chromium while it
// trains, for each page with live training. Builds nothing: run `npm run build` first. Serves dist/ with gzip (as
// hosts do) and launches chromium with the browser tests' flags, in a fresh profile (a first visit).
//
// Per page:
// - the longest main-thread task and the tasks over 50 ms during the default run;
// - the delay from a slider's input event to the next frame while a run trains;
// - steps per second of the default run in the page against the same run in Node on wasm (the engine the pages
//   use), like with like (bench-browser-node.ts): a visit's first run (a fresh worker) against the first run of a
//   fresh Node process, and the run trained again (Train pressed again: the same, warm worker) against that
//   process's second run, each run timed by its own training clock (bench-browser-rates.ts). Five visits, each
//   followed by its Node process; the ratio is the median of the five pairs' ratios;
// - time from navigation to the first live snapshot drawn, on a first visit (the backend measured) and a repeat;
// - JavaScript bytes transferred before the reader starts a run (?autostart=0) and by the first snapshot of the
//   default run (worker scripts included).
// Then the index page's explorer: redraw latency per depth (bench-browser-explorer.ts).
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {launchBrowser} from "../test/browser/browser.js";
import {DIST_DIR} from "../test/browser/harness.js";
import {startServer} from "../test/browser/server.js";
import {PAGE_PROBE, type PageProbe} from "./bench-browser-probe.js";
import {measureExplorer} from "./bench-browser-explorer.js";
import {nodeStepsPerSecond, type NodeRates} from "./bench-browser-node.js";
import {median, probe, throughput, timeRun, timeRunAgain, type Throughput} from "./bench-browser-rates.js";

/** Pages that train a network live when they load (the remedy pages will join this list). */
const LIVE_PAGES = ["/problem"];
const SLIDER = 'input[type="range"][aria-label="Epochs"]';
const INPUTS = 10;
const RUN_TIMEOUT_MS = 300_000;
/** Visits after the first, for the medians of steps per second (the machine's speed drifts by ±15%). */
const REPEAT_VISITS = 4;

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

/**
 * `alongside` runs after each visit's two runs (a Node process, so drift falls on both alike). It is told whether
 * the visit's worker timed a few steps before its first run (choosing the backend: measured on the first visit,
 * forced by --backend on every visit, remembered otherwise), so that Node's first run can start as warm.
 */
async function measure(path: string, alongside: (timedFirst: boolean) => Promise<void>) {
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
  const {run, steps, rate} = await timeRun(page, RUN_TIMEOUT_MS);
  const firstRates = [rate];
  const againRates = [await timeRunAgain(page, RUN_TIMEOUT_MS)];
  await alongside(true);
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
  // the default run to the end and once again, so the page's figures are medians over REPEAT_VISITS + 1 visits.
  let firstSnapshotRepeatMs = NaN;
  for (let visit = 0; visit < REPEAT_VISITS; visit++) {
    await page.goto(url(""));
    const repeat = await timeRun(page, RUN_TIMEOUT_MS);
    if (visit === 0) firstSnapshotRepeatMs = repeat.run.firstSnapshotAt!;
    firstRates.push(repeat.rate);
    againRates.push(await timeRunAgain(page, RUN_TIMEOUT_MS));
    await alongside(forced !== null);
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
    /** Steps per second of each visit's first run, and of its run again (the first visit's, then the repeats'). */
    pageRates: {first: firstRates, again: againRates},
    firstSnapshotMs: Math.round(run.firstSnapshotAt!),
    firstSnapshotRepeatMs: Math.round(firstSnapshotRepeatMs),
    jsKBBeforeRun: Math.round(jsBeforeRun / 1024),
    jsKBByFirstSnapshot: Math.round(jsFirstSnapshot / 1024)
  };
}

const rows: (Omit<Awaited<ReturnType<typeof measure>>, "pageRates"> & {
  firstRun: Throughput;
  runAgain: Throughput;
})[] = [];
let explorer: Awaited<ReturnType<typeof measureExplorer>> | null = null;
try {
  for (const path of LIVE_PAGES) {
    // A fresh Node process after each visit: its first run and its run again.
    const nodeRates: NodeRates[] = [];
    const {pageRates, ...row} = await measure(path, async (timedFirst) => {
      nodeRates.push(await nodeStepsPerSecond(path, {timedFirst, timeoutMs: RUN_TIMEOUT_MS}));
    });
    rows.push({
      ...row,
      firstRun: throughput(
        pageRates.first,
        nodeRates.map((r) => r.first)
      ),
      runAgain: throughput(
        pageRates.again,
        nodeRates.map((r) => r.again)
      )
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
    ["steps/s 1st run page/Node", (r) => `${r.firstRun.page.toFixed(2)}/${r.firstRun.node.toFixed(2)}`],
    ["ratio 1st run", (r) => r.firstRun.ratio.toFixed(2)],
    ["steps/s run again page/Node", (r) => `${r.runAgain.page.toFixed(2)}/${r.runAgain.node.toFixed(2)}`],
    ["ratio run again", (r) => r.runAgain.ratio.toFixed(2)],
    ["first snapshot ms (1st/repeat visit)", (r) => `${r.firstSnapshotMs}/${r.firstSnapshotRepeatMs}`],
    ["JS KB before run", (r) => String(r.jsKBBeforeRun)],
    ["JS KB by 1st snapshot", (r) => String(r.jsKBByFirstSnapshot)]
  ];
  console.log(`| ${columns.map(([name]) => name).join(" | ")} |`);
  console.log(`| ${columns.map(() => "---").join(" | ")} |`);
  for (const row of rows) console.log(`| ${columns.map(([, cell]) => cell(row)).join(" | ")} |`);
  for (const row of rows)
    for (const [name, t] of [
      ["first runs", row.firstRun],
      ["runs again", row.runAgain]
    ] as const)
      console.log(
        `${row.page}, steps/s of the ${name} (page vs Node): ${t.pageRates.join(", ")} vs ${t.nodeRates.join(", ")}`
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
