// The index page's instant explorer, as bench:browser measures it: for each depth, the time from a change of the
// depth input to the frame after the page redrew its charts (the page's own "explorer-redraw" performance
// measure, explorer-client.ts), the median of REPEATS changes, with the worker's share; and the main-thread
// tasks over 50 ms while it answered (PAGE_PROBE's longTasks).
import type {Page} from "playwright-core";
import type {PageProbe} from "./bench-browser-probe.js";

/** Depths from one layer to the slider's end; each is reached from a different depth, so every change recomputes. */
const DEPTHS = [1, 7, 20, 50];
const REPEATS = 3;

export interface ExplorerRow {
  depth: number;
  redrawMedianMs: number;
  redrawMaxMs: number;
  workerMedianMs: number;
}

const statusText = (page: Page) => page.locator(".explorer-status").innerText();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Sets the depth and waits for the page to show its answer; returns the redraw and worker times. */
async function change(page: Page, depth: number): Promise<{redraw: number; worker: number}> {
  const before = await page.evaluate(() => performance.getEntriesByName("explorer-redraw").length);
  const input = page.locator('.control-depth input[type="number"]');
  await input.fill(String(depth));
  await input.dispatchEvent("input");
  await page.waitForFunction(
    ([n, d]) =>
      performance.getEntriesByName("explorer-redraw").length > n &&
      document.querySelector(".explorer-status")?.textContent?.startsWith(`${d} hidden layer`),
    [before, depth] as const,
    {timeout: 60_000}
  );
  const redraw = await page.evaluate(() => performance.getEntriesByName("explorer-redraw").at(-1)!.duration);
  const worker = Number(/one pass took (\d+) ms/.exec(await statusText(page))?.[1]);
  return {redraw, worker};
}

export async function measureExplorer(
  page: Page,
  url: string
): Promise<{rows: ExplorerRow[]; longTasksOver50: number; longestTaskMs: number}> {
  await page.goto(url);
  await page.waitForFunction(
    () => /one pass took/.test(document.querySelector(".explorer-status")?.textContent ?? ""),
    null,
    {
      timeout: 120_000
    }
  );
  const start = await page.evaluate(() => performance.now());
  const rows: ExplorerRow[] = [];
  for (const depth of DEPTHS) {
    const times = [];
    for (let i = 0; i < REPEATS; i++) {
      await change(page, depth === 2 ? 3 : 2); // away, then back: the measured change always recomputes
      times.push(await change(page, depth));
    }
    rows.push({
      depth,
      redrawMedianMs: Math.round(median(times.map((t) => t.redraw))),
      redrawMaxMs: Math.round(Math.max(...times.map((t) => t.redraw))),
      workerMedianMs: Math.round(median(times.map((t) => t.worker)))
    });
  }
  const {longTasks} = await page.evaluate(() => (window as unknown as {__bench: PageProbe}).__bench);
  const during = longTasks.filter(([at]) => at >= start);
  return {
    rows,
    longTasksOver50: during.length,
    longestTaskMs: Math.round(Math.max(0, ...during.map(([, d]) => d)))
  };
}
