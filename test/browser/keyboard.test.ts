// The problem page with the keyboard alone: every control reachable with Tab in reading order with a visible
// focus ring, then a run set up, started, paused, resumed and reset without a single click.
import type {Page} from "playwright-core";
import {axeFindings, failingFindings} from "./axe.js";
import {TRAINING_TIMEOUT_MS, checkPage, test} from "./harness.js";
import {expectFocusedEnabled, focused, tabTo, tabbable, type TabStop} from "./keyboard.js";

const status = (page: Page, text: string) =>
  page.locator(".status", {hasText: text}).waitFor({timeout: 30_000});
const announced = (page: Page, text: RegExp) =>
  page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector(".announcer")?.textContent ?? ""),
    text.source,
    {timeout: 30_000}
  );

/** Tabs from the top of a freshly loaded page until the focus comes round again; returns every stop. */
async function tabThrough(page: Page): Promise<TabStop[]> {
  const stops: TabStop[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press("Tab");
    const stop = await focused(page);
    if (!stop || stop.order === stops[0]?.order) return stops;
    stops.push(stop);
  }
  throw new Error("Tab did not come round in 300 presses");
}

test(
  "problem page with the keyboard alone: Tab order, focus rings, and start, pause, resume and reset a run",
  async (page) => {
    await page.setViewportSize({width: 1280, height: 800});
    // A short run, started by hand; the bad depth shows the warning line, whose contrast axe checks at the end.
    await checkPage(page, "/problem?backend=wasm&autostart=0&train=2000&epochs=50&depth=oops", {
      timeout: 60_000
    });
    await page.locator("button.train:enabled").waitFor({timeout: 60_000});

    const stops = await tabThrough(page);
    const problems: string[] = [];
    stops.forEach((stop, i) => {
      if (!stop.ring) problems.push(`no focus ring on ${stop.name}`);
      const before = stops[i - 1];
      if (before && stop.order <= before.order) problems.push(`${stop.name} comes after ${before.name}`);
    });
    const reached = new Set(stops.map((s) => s.order));
    for (const el of await tabbable(page))
      if (!reached.has(el.order)) problems.push(`Tab never reaches ${el.name}`);
    if (stops.length < 20) problems.push(`only ${stops.length} tab stops`);
    if (problems.length)
      throw new Error(`${problems.length} keyboard problem(s):\n- ${problems.join("\n- ")}`);

    // Fewer hidden layers with the arrow keys: the slider and its number box move together.
    await tabTo(page, 'input[type="range"][aria-label="Hidden layers"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowLeft");
    const depth = await page.evaluate(
      () => (document.activeElement?.previousElementSibling as HTMLInputElement).value
    );
    if (depth !== "3") throw new Error(`Hidden layers after 4 × ArrowLeft from 7: ${depth}`);

    await tabTo(page, "button.train");
    await expectFocusedEnabled(page, "button.train");
    await page.keyboard.press("Enter");
    await status(page, "Training");
    await announced(page, /^Training started: \d+ steps over 50 epochs\.$/);

    await page.keyboard.press("Tab");
    await expectFocusedEnabled(page, "button.pause");
    await page.keyboard.press("Space");
    await status(page, "Paused");
    await announced(page, /^Training paused at step \d+/);
    // The run trains the network set with the keyboard: 3 hidden layers and the output layer. It trains in a
    // worker, so the page may show the pause before the step under way when it was asked for sends its snapshot.
    await page.locator(".layer-table tbody tr").first().waitFor({timeout: 30_000});
    const rows = await page.locator(".layer-table tbody tr").count();
    if (rows !== 4) throw new Error(`the paused run's layer table has ${rows} rows, expected 4`);
    await page.keyboard.press("Space");
    await status(page, "Training");
    await announced(page, /^Training resumed\.$/);

    await page.keyboard.press("Tab");
    await expectFocusedEnabled(page, "button.reset");
    await page.keyboard.press("Enter");
    await status(page, "Not started");
    await announced(page, /^Training reset\.$/);
    // Reset is disabled once pressed; the focus moves to Train instead of falling to the top of the page.
    await expectFocusedEnabled(page, "button.train");

    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({colorScheme});
      const findings = failingFindings(await axeFindings(page));
      if (findings.length) throw new Error(`${colorScheme}: ${findings.join("\n")}`);
    }
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
