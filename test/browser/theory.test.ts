// The theory page's phase diagram in real chromium (wasm): the predicted diagram with the sigmoid's critical line,
// 28 measured points filled in progressively whose signs agree with the prediction where it is clear, a change of
// activation that redraws and drops the old activation's waiting points, and invalid URL values explained.
import type {Page} from "playwright-core";
import {checkPage, expectClean, screenshot, test} from "./harness.js";

const TOTAL = 28;
const diagram = ".phase-card svg[role=img]";

/** Waits until the status line reports every point measured for `activation`. */
const finished = (page: Page, activation: string) =>
  page.waitForFunction(
    ([a, n]) =>
      document.querySelector(".phase-status")?.textContent?.startsWith(`All ${n} points measured for ${a}`),
    [activation, TOTAL] as const,
    {timeout: 90_000}
  );

/** The measured points drawn: setting and measured log10 ratio, as the chart's data attributes carry them. */
const points = (page: Page) =>
  page.locator(`${diagram} circle.point`).evaluateAll((cs) =>
    cs.map((c) => ({
      scale: Number(c.getAttribute("data-scale")),
      depth: Number(c.getAttribute("data-depth")),
      ratio: Number(c.getAttribute("data-ratio"))
    }))
  );

/** The table's rows: std, layers, predicted and measured decades. */
const rows = (page: Page) =>
  page
    .locator(".phase-table tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));

test(
  "theory phase: the diagram draws the sigmoid's edge and 28 measured points agreeing in sign where the prediction is clear",
  async (page) => {
    await checkPage(page, "/theory", {waitFor: diagram, timeout: 60_000});
    const label = (await page.locator(diagram).getAttribute("aria-label")) ?? "";
    if (
      !/^Phase diagram for Sigmoid/.test(label) ||
      !/critical line χ₁ = 1 is at init std 0\.897/.test(label)
    )
      throw new Error(`diagram label: ${label}`);
    if ((await page.locator(`${diagram} rect.cell`).count()) !== 40 * 50)
      throw new Error("not 40 × 50 cells");
    if ((await page.locator(`${diagram} g.critical`).count()) !== 1) throw new Error("no critical line");
    await finished(page, "Sigmoid");
    const drawn = await points(page);
    if (drawn.length !== TOTAL) throw new Error(`${drawn.length} points drawn`);
    const table = await rows(page);
    if (table.length !== TOTAL) throw new Error(`${table.length} table rows`);
    const at = (scale: number, depth: number) =>
      table.find((r) => Number(r[0]) === scale && Number(r[1]) === depth)!;
    // Clearly ordered (small weights, deep) and clearly chaotic (large weights, deep): prediction and
    // measurement both beyond ±1 decade, with the same sign.
    for (const [scale, depth, sign] of [
      [0.02, 15, -1],
      [0.05, 7, -1],
      [10, 7, 1],
      [10, 15, 1]
    ] as const) {
      const [, , predicted, measured] = at(scale, depth);
      if (!(Math.sign(Number(predicted)) === sign && sign * Number(measured) > 1))
        throw new Error(`std ${scale}, ${depth} layers: predicted ${predicted}, measured ${measured}`);
    }
    console.log(
      `  sigmoid, std/layers/predicted/measured: ${[
        [0.05, 7],
        [1, 7],
        [10, 7],
        [0.4, 15]
      ]
        .map(([s, d]) => at(s!, d!).join("/"))
        .join("  ")}`
    );
    const final = (await page.locator(diagram).getAttribute("aria-label")) ?? "";
    if (!/28 points measured; \d+ agree in sign with the prediction/.test(final))
      throw new Error(`label: ${final}`);
    await screenshot(page, "theory-phase");
    await expectClean(page);
  },
  {timeout: 150_000}
);

test(
  "theory phase: changing the activation redraws the diagram and drops the old activations' waiting points",
  async (page) => {
    await checkPage(page, "/theory", {waitFor: diagram, timeout: 60_000});
    await page.waitForFunction(
      () => document.querySelectorAll(".phase-card circle.point").length >= 2,
      null,
      {timeout: 60_000}
    );
    // Tanh, then at once ReLU: tanh's list of 28 is replaced in the worker before more than the pass under way
    // can start, whatever the machine's speed (the sigmoid's may already be done on an idle machine).
    const activation = page.locator(".phase-controls .control-activation select");
    await activation.selectOption({label: "Tanh"});
    await activation.selectOption({label: "ReLU"});
    await page.waitForFunction(() =>
      /^Phase diagram for ReLU/.test(
        document.querySelector(".phase-card svg[role=img]")?.getAttribute("aria-label") ?? ""
      )
    );
    await finished(page, "ReLU");
    const label = (await page.locator(diagram).getAttribute("aria-label")) ?? "";
    if (!/critical line χ₁ = 1 is at init std 0\.125/.test(label)) throw new Error(`ReLU label: ${label}`);
    if ((await points(page)).length !== TOTAL) throw new Error("not 28 ReLU points");
    // Only passes that ran before a change reached the worker come back late: the one under way, and those of
    // tanh's list that finished in the moment between the two choices (a pass without histograms takes a few
    // milliseconds for shallow points). The rest of the old lists (40 or more: 46 when a list was appended
    // instead of replacing the waiting one) was dropped in the worker, never computed.
    const stale = Number(await page.locator(".phase-status").getAttribute("data-stale"));
    if (!(stale <= 12))
      throw new Error(`${stale} answers for superseded activations arrived after the change`);
    if (!page.url().includes("activation=relu")) throw new Error(`URL: ${page.url()}`);
    await expectClean(page);
  },
  {timeout: 180_000}
);

test("theory phase: invalid URL values fall back to defaults with a visible notice, valid ones are kept", async (page) => {
  await checkPage(page, "/theory?activation=swish&depth=99&scale=0.5", {waitFor: diagram, timeout: 60_000});
  const warnings = await page.locator(".phase-controls .warning").allInnerTexts();
  for (const pattern of [
    /Ignored \?activation=swish: it must be one of sigmoid, tanh, relu/,
    /Ignored \?depth=99: it must be a whole number from 1 to 50\./
  ])
    if (!warnings.some((w) => pattern.test(w)))
      throw new Error(`no notice ${pattern}: ${warnings.join(" / ")}`);
  const label = (await page.locator(diagram).getAttribute("aria-label")) ?? "";
  if (!/^Phase diagram for Sigmoid/.test(label) || !/Your setting \(std 0\.5, 7 layers\)/.test(label))
    throw new Error(`label: ${label}`);
  await expectClean(page);
});
