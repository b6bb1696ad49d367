// The workers and tensors a page with live runs shows (its .workers and .tensors counters): the leak tests read
// them before and wait for them to come back after.
import type {Page} from "playwright-core";

/** The page's [workers, tensors] now. */
export const readCounts = (page: Page): Promise<number[]> =>
  page.evaluate(() => [".workers", ".tensors"].map((s) => Number(document.querySelector(s)?.textContent)));

/** Waits until the page shows `workers` workers and `tensors` tensors (cancelled runs end at a step boundary). */
export const waitForCounts = (page: Page, [workers, tensors]: readonly number[]) =>
  page.waitForFunction(
    ([w, t]) =>
      Number(document.querySelector(".workers")?.textContent) === w &&
      Number(document.querySelector(".tensors")?.textContent) === t,
    [workers, tensors],
    {timeout: 30_000}
  );
