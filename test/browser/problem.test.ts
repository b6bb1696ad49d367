// The problem page trains for real: a short run on a small training set, on every backend.
import type {Page} from "playwright-core";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, screenshot, test} from "./harness.js";

const heatmapCells = (page: Page) => page.locator(".live-heatmap .cell").count();
const statusText = (page: Page) => page.locator(".status").innerText();
const tensors = async (page: Page) => Number(await page.locator(".tensors").innerText());

for (const backend of ["wasm", "cpu", "webgl"]) {
  test(
    `problem page trains a short run on ${backend}: heatmap gains columns, loss stays finite, gradient vanishes`,
    async (page) => {
      await checkPage(page, `/problem?backend=${backend}&train=2000&epochs=2`, {timeout: 60_000});
      await page.locator(".status", {hasText: "Finished"}).waitFor({timeout: 90_000});
      assertEqual(await page.locator(".backend").innerText(), backend, "backend in use");
      // 1,800 fit images in batches of 512 → 4 steps per epoch, 2 epochs, a snapshot every step (+ step 0).
      const snapshots = 9;
      const layers = 8;
      // Charts redraw one per task after the status line (in-turn.ts): wait for the heatmap to catch up.
      const cells = await page
        .waitForFunction(
          (n) => document.querySelectorAll(".live-heatmap .cell").length === n,
          layers * snapshots,
          {
            timeout: 10_000
          }
        )
        .then(() => layers * snapshots)
        .catch(() => heatmapCells(page));
      if (cells !== layers * snapshots)
        throw new Error(`expected ${layers} × ${snapshots} heatmap cells, got ${cells}`);
      const status = await statusText(page);
      if (!/step 8 of 8/.test(status)) throw new Error(`unexpected status: ${status}`);
      const rows = await page.locator(".layer-table tbody tr").allInnerTexts();
      if (rows.length !== layers) throw new Error(`layer table has ${rows.length} rows`);
      const gradient = (row: string) => Number(row.split("\t")[2]);
      const [output, first] = [gradient(rows[0]!), gradient(rows.at(-1)!)];
      if (!(output > 1e3 * first && first > 0))
        throw new Error(`no vanishing gradient: output ${output}, first ${first}`);
      const lossLabel =
        (await page.locator("svg[aria-label*='oss']").last().getAttribute("aria-label")) ?? "";
      if (/NaN|Infinity/.test(lossLabel)) throw new Error(`loss not finite: ${lossLabel}`);
      await screenshot(page, `problem-trained-${backend}`);
      await expectClean(page);
    },
    {timeout: TRAINING_TIMEOUT_MS}
  );
}

test(
  "problem page: a cancelled run releases its tensors, and bad URL parameters are explained",
  async (page) => {
    await checkPage(page, "/problem?backend=wasm&autostart=0&train=5000&epochs=50&depth=oops", {
      timeout: 60_000
    });
    const warning = await page.locator(".warning").innerText();
    if (!/Ignored \?depth=oops: it must be a whole number from 1 to 16/.test(warning))
      throw new Error(warning);
    const before = await tensors(page);
    await page.locator("button.train").click();
    await page.locator(".status", {hasText: "Training"}).waitFor();
    await page.waitForFunction(() =>
      (document.querySelector(".status")?.textContent ?? "").match(/step [1-9]/)
    );
    // The heatmap gains a column with every snapshot while the run trains.
    await page.locator("button.pause").click();
    await page.locator(".status", {hasText: "Paused"}).waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".live-heatmap .cell").length > 0, null, {
      timeout: 30_000
    });
    const paused = await heatmapCells(page);
    await page.locator("button.pause").click();
    await page.waitForFunction((n) => document.querySelectorAll(".live-heatmap .cell").length > n, paused, {
      timeout: 30_000
    });
    await page.locator("button.reset").click();
    await page.waitForFunction((n) => Number(document.querySelector(".tensors")?.textContent) === n, before, {
      timeout: 20_000
    });
    const status = await statusText(page);
    if (!/Not started/.test(status)) throw new Error(`after reset: ${status}`);
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}
