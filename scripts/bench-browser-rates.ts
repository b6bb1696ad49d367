// How bench:browser times a page's runs and sets them against Node's: each run by its own training clock, the
// same clock on both sides, and the ratio taken pair by pair.
import type {Page} from "playwright-core";
import type {PageProbe} from "./bench-browser-probe.js";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export const probe = (page: Page) => page.evaluate(() => (window as unknown as {__bench: PageProbe}).__bench);

/**
 * Waits for the run being timed to finish: its probe, its steps, and its steps per second over its training time
 * as the training loop clocked it (the status line's data-elapsed-ms), the figure Node's run gives too. Not the
 * time between the first chart and "Finished" on the page: charts redraw at most once a second, so the first one
 * may come up to a second after training began, which flattered a run that started fast (a run again: up to 35
 * steps/s against Node's 30).
 */
export async function timeRun(page: Page, timeoutMs: number) {
  await page.waitForFunction(() => (window as unknown as {__bench: PageProbe}).__bench.finishedAt, null, {
    timeout: timeoutMs,
    polling: 100
  });
  const run = await probe(page);
  const status = page.locator(".status");
  const text = await status.innerText();
  const steps = Number(/step (\d+) of/.exec(text)?.[1]);
  const elapsedMs = Number(await status.getAttribute("data-elapsed-ms"));
  if (!(steps > 0 && elapsedMs > 0))
    throw new Error(`bench:browser: no step count or training time on the finished status line "${text}"`);
  return {run, steps, rate: +((steps * 1000) / elapsedMs).toFixed(2)};
}

/** Presses Train again once a run has finished: the same run, in the same worker. Its steps per second. */
export async function timeRunAgain(page: Page, timeoutMs: number): Promise<number> {
  await page.evaluate(() => (window as unknown as {__bench: PageProbe}).__bench.nextRun());
  await page.locator("button.train").click();
  return (await timeRun(page, timeoutMs)).rate;
}

/** A page's median steps per second against Node's, with every run's figure. */
export interface Throughput {
  page: number;
  node: number;
  ratio: number;
  pageRates: number[];
  nodeRates: number[];
}

/**
 * Medians of the rates, and the ratio as the median of each visit's page rate over the Node rate measured right
 * after it: the machine's speed drifts from minute to minute, and the two runs of a pair see the same speed.
 */
export function throughput(pageRates: number[], nodeRates: number[]): Throughput {
  const ratios = pageRates.map((rate, i) => rate / nodeRates[i]!);
  return {
    page: median(pageRates),
    node: median(nodeRates),
    ratio: +median(ratios).toFixed(2),
    pageRates,
    nodeRates
  };
}
