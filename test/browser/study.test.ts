// The study page in chromium: one table row per experiment of the built data file, sorting from the keyboard,
// the CSV download holding the table, and a short race of two presets. The harness fails a test on console
// errors, page errors, error cells and any request that leaves the local server.
import {readFile} from "node:fs/promises";
import type {Page} from "playwright-core";
import type {StudyRuns} from "../../src/lib/study-types.js";
import {EXPORT_COLUMNS} from "../../src/lib/study-page.js";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, test} from "./harness.js";
import {expectFocusedEnabled, tabTo} from "./keyboard.js";

const rowNames = (page: Page) => page.locator(".study-table tbody th").allInnerTexts();

/** Opens the study page and returns the data file it loaded (what the table must show). */
async function openStudy(page: Page, path = "/study"): Promise<StudyRuns> {
  const data = page.waitForResponse((r) =>
    /\/_file\/data\/study-runs\.[^/]*json$/.test(new URL(r.url()).pathname)
  );
  await checkPage(page, path, {waitFor: ".study-table tbody tr"});
  return (await (await data).json()) as StudyRuns;
}

function fail(message: string): never {
  throw new Error(message);
}

test("study page: a row per experiment, sorted from the keyboard, and a CSV of the table", async (page) => {
  await page.setViewportSize({width: 1280, height: 800});
  const study = await openStudy(page);
  const titles = study.experiments.map((e) => e.title);
  if (titles.length < 11)
    fail(`the data file lists ${titles.length} experiments, expected the study's 11 at least`);
  const given = await rowNames(page);
  if (given.join("|") !== titles.join("|"))
    fail(`table rows ${given.join(", ")} are not the experiments ${titles.join(", ")}`);
  const notRun = study.experiments.filter((e) => e.status === "not yet run").length;
  const marked = await page
    .locator(".study-table tbody td", {hasText: "Not yet run at the study's protocol."})
    .count();
  if (marked !== notRun)
    fail(`${marked} rows say "not yet run", the data has ${notRun} experiments without a run`);

  // Enter on the Experiment header sorts A→Z, again Z→A; the focus stays on the header.
  const header = ".study-table thead th:nth-child(2) button";
  await tabTo(page, header);
  await page.keyboard.press("Enter");
  const ascending = [...titles].sort((a, b) => a.localeCompare(b, "en"));
  if ((await rowNames(page)).join("|") !== ascending.join("|"))
    fail(`after Enter: ${(await rowNames(page)).join(", ")}`);
  const sort = () => page.locator(".study-table thead th:nth-child(2)").getAttribute("aria-sort");
  if ((await sort()) !== "ascending") fail(`aria-sort after Enter: ${await sort()}`);
  await expectFocusedEnabled(page, header);
  await page.keyboard.press("Enter");
  if ((await rowNames(page)).join("|") !== [...ascending].reverse().join("|"))
    fail("a second Enter does not reverse the order");
  if ((await sort()) !== "descending") fail(`aria-sort after a second Enter: ${await sort()}`);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: "Download CSV"}).click()
  ]);
  if (download.suggestedFilename() !== "study-comparison.csv")
    fail(`download named ${download.suggestedFilename()}`);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  const headerLine = EXPORT_COLUMNS.map((c) => c.key).join(",");
  if (lines[0] !== headerLine) fail(`CSV header is ${lines[0]}, expected ${headerLine}`);
  if (lines.length !== titles.length + 1)
    fail(`CSV has ${lines.length - 1} rows for ${titles.length} experiments`);
  for (const e of study.experiments)
    if (!lines.some((line) => line.includes(`,${e.preset},`))) fail(`CSV has no row for ${e.preset}`);
  await expectClean(page);
});

test(
  "study page: a race of two presets trains side by side, one worker each, and fills the results",
  async (page) => {
    await openStudy(page);
    // The default pick is three presets; leaving two keeps the run short.
    await page.getByRole("checkbox", {name: "Normalize inside the network"}).uncheck();
    const start = page.locator("button.race-start");
    await start.waitFor();
    if (await start.isDisabled()) fail("Start race is disabled for a pick of two");
    await start.click();
    await page.locator(".race-status", {hasText: "Training 2 presets side by side"}).waitFor();
    await page
      .locator(".race-status", {hasText: "Finished"})
      .waitFor({timeout: TRAINING_TIMEOUT_MS - 30_000});
    const where = await page.locator(".race-where").innerText();
    if (!/Each run trains in a Web Worker of its own · Backend: \w+ \(/.test(where))
      fail(`race line: ${where}`);
    // The table is a cell of its own: it redraws a frame after the status line says Finished.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".race-results tbody tr")].filter((tr) =>
          /finished/.test(tr.textContent ?? "")
        ).length === 2
    );
    const rows = await page.locator(".race-results tbody tr").allInnerTexts();
    if (rows.length !== 2) fail(`race table has ${rows.length} rows`);
    for (const row of rows) if (!/finished\t18 of 18\t[\d.]+%\t[\d.]+%/.test(row)) fail(`race row: ${row}`);
    const status = await page.locator(".race-status").innerText();
    if (!/^Finished\. Test accuracy: .+ \d+\.\d%, .+ \d+\.\d%\.$/.test(status)) fail(`status: ${status}`);
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
