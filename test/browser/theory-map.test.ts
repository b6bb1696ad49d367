// The theory page's trainability map (issue 11): a tiny grid (?grid=SxD&steps=N) fills in every cell in workers,
// a cancelled grid frees its workers and tensors and resumes (after a reload too) to the end, and bad URL values
// fall back with a notice.
import type {Page} from "playwright-core";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, test} from "./harness.js";
import {readCounts, waitForCounts} from "./pool-counts.js";

const status = (page: Page) => page.locator(".grid-status").innerText();
const finished = (page: Page, cells: number) =>
  page
    .locator(".grid-status", {hasText: `Finished: ${cells} of ${cells} cells`})
    .waitFor({timeout: TRAINING_TIMEOUT_MS});

/** Opens the page with no grid kept from an earlier test (they share the browser's storage). */
async function openFresh(page: Page, path: string): Promise<void> {
  await checkPage(page, path, {waitFor: ".trainability-panel"});
  await page.evaluate(() => localStorage.clear());
  await checkPage(page, path, {waitFor: ".trainability-panel"});
}

async function liveCells(page: Page) {
  return page.locator(".trainability-live g.cell").evaluateAll((cells) =>
    cells.map((c) => ({
      status: c.getAttribute("class"),
      fill: c.querySelector("rect")?.getAttribute("fill")
    }))
  );
}

test(
  "theory map: a tiny grid fills every cell with its accuracy and the progress reaches 100%",
  async (page) => {
    await openFresh(page, "/theory?backend=wasm&grid=2x2&steps=20");
    const baseline = await readCounts(page);
    if (!/^Not started: 4 cells of 20 steps/.test(await status(page))) throw new Error(await status(page));
    await page.locator(".trainability-panel button.start").click();
    await finished(page, 4);
    const progress = await page
      .locator(".trainability-panel progress")
      .evaluate((p: HTMLProgressElement) => [p.value, p.max]);
    if (progress[0] !== 4 || progress[1] !== 4) throw new Error(`progress ${progress.join(" of ")}`);
    const cells = await liveCells(page);
    if (cells.length !== 4 || cells.some((c) => !c.status?.includes("done") || !c.fill?.startsWith("#")))
      throw new Error(`cells: ${JSON.stringify(cells)}`);
    const label = (await page.locator(".trainability-live svg").getAttribute("aria-label")) ?? "";
    if (!/4 of 4 cells finished/.test(label)) throw new Error(label);
    await waitForCounts(page, baseline);
    await expectClean(page);
  },
  {timeout: 2 * TRAINING_TIMEOUT_MS}
);

test(
  "theory map: Cancel frees the workers and tensors, and Resume (after a reload too) finishes the grid",
  async (page) => {
    const path = "/theory?backend=wasm&grid=2x3&steps=40";
    await openFresh(page, path);
    const baseline = await readCounts(page);
    await page.locator(".trainability-panel button.start").click();
    // Midway: at least one cell finished and two training.
    await page.waitForFunction(
      () => (document.querySelector(".trainability-panel progress") as HTMLProgressElement).value >= 1,
      null,
      {
        timeout: TRAINING_TIMEOUT_MS
      }
    );
    await page.locator(".trainability-panel button.cancel").click();
    const cancelled = await status(page);
    const kept = Number(/^Cancelled: (\d) of 6 cells/.exec(cancelled)?.[1]);
    if (!(kept >= 1 && kept < 6)) throw new Error(`after Cancel: ${cancelled}`);
    await waitForCounts(page, baseline);
    // A reload keeps the finished cells (localStorage, under the grid's settings).
    await checkPage(page, path, {waitFor: ".trainability-panel"});
    const reloaded = await status(page);
    if (!reloaded.startsWith(`${kept} of 6 cells kept from before`))
      throw new Error(`after reload: ${reloaded}`);
    const resume = page.locator(".trainability-panel button.start");
    if ((await resume.innerText()) !== "Resume")
      throw new Error(`the button says ${await resume.innerText()}`);
    await resume.click();
    await finished(page, 6);
    const cells = await liveCells(page);
    if (cells.some((c) => !c.fill?.startsWith("#"))) throw new Error(`cells: ${JSON.stringify(cells)}`);
    await waitForCounts(page, baseline);
    await expectClean(page);
  },
  {timeout: 3 * TRAINING_TIMEOUT_MS}
);

test("theory map: invalid ?grid= and ?steps= fall back to the default grid with a notice", async (page) => {
  await openFresh(page, "/theory?grid=99x99&steps=-3");
  const notices = await page.locator(".trainability-panel .warning").allInnerTexts();
  if (
    !notices.some((n) => n.startsWith("Ignored ?grid=99x99")) ||
    !notices.some((n) => n.startsWith("Ignored ?steps=-3"))
  )
    throw new Error(`notices: ${notices.join(" | ")}`);
  const line = await status(page);
  if (line !== "Not started: 35 cells of 300 steps each.") throw new Error(line);
  if ((await page.locator(".trainability-live g.cell").count()) !== 35)
    throw new Error("the default grid has 35 cells");
  await expectClean(page);
});
