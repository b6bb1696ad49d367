// The checks every remedy page built on the shared panel gets (activations, optimizers, normalization): its
// reference replay shows at once, the live remedy and baseline train side by side to the end, a control goes into
// the URL and the URL reproduces it, and invalid URL values are explained. Each page's test adds its own view.
import type {Page} from "playwright-core";
import {checkPage, expectClean, screenshot} from "./harness.js";

/** Layer 1's gradient norm in a card's summary line ("Step 8: ‖∂L/∂W‖ 1.2e-6 at layer 1, …"). */
export const layerOne = (line: string) => Number(/‖∂L\/∂W‖ (\S+) at layer 1,/.exec(line)?.[1]);
export const summaries = (page: Page, within: string) =>
  page.locator(`${within} .run-summary`).allInnerTexts();

/** Loads `path` (which must start the runs), checks the replay cards, and waits until every live run finishes `steps`. */
export async function replayThenLive(
  page: Page,
  path: string,
  {
    replayHeadings,
    liveLabels,
    steps,
    replaySteps = replayHeadings.map(() => 10600)
  }: {
    replayHeadings: string[];
    liveLabels: string[];
    steps: number;
    /** Each replay card's last step: 100 epochs of 106 steps unless a run has stages. */
    replaySteps?: number[];
  }
): Promise<{replay: string[]; live: string[]}> {
  await checkPage(page, path, {timeout: 60_000});
  const cards = replayHeadings.length;
  await page.waitForFunction((n) => document.querySelectorAll(".replay .run-summary").length === n, cards, {
    timeout: 20_000
  });
  const replay = await summaries(page, ".replay");
  if (!replay.every((line, i) => new RegExp(`^Step ${replaySteps[i]}: .*\\(test\\)\\.$`).test(line)))
    throw new Error(replay.join("\n"));
  const heading = await page.locator(".replay .run-card h2").allInnerTexts();
  if (heading.join("|") !== replayHeadings.join("|")) throw new Error(`replay cards: ${heading.join(", ")}`);

  const finished = ([n, count]: number[]) => {
    const statuses = [...document.querySelectorAll(".live .run-status")].map((s) => s.textContent ?? "");
    return statuses.length === count && statuses.every((s) => s.startsWith(`Finished: step ${n} of ${n}`));
  };
  await page.waitForFunction(finished, [steps, liveLabels.length], {timeout: 150_000}).catch(async () => {
    throw new Error(`live runs: ${(await page.locator(".live .run-status").allInnerTexts()).join(" / ")}`);
  });
  const labels = await page.locator(".live .run-card h2").allInnerTexts();
  if (labels.join("|") !== liveLabels.join("|")) throw new Error(`live cards: ${labels.join(", ")}`);
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll(".live .run-summary")].every((p) =>
        new RegExp(`^Step ${n}:`).test(p.textContent ?? "")
      ),
    steps,
    {timeout: 10_000}
  );
  const expected = await page.locator(".expected").innerText();
  if (
    !new RegExp(`^${liveLabels.length} runs side by side, \\d+ steps each: the steps take about `).test(
      expected
    )
  )
    throw new Error(`expected time: ${expected}`);
  return {replay, live: await summaries(page, ".live")};
}

/** The chart inside `selector` describes itself; its text alternative must match `pattern`. */
export async function chartLabel(page: Page, selector: string, pattern: RegExp): Promise<string> {
  const label = (await page.locator(`${selector} svg[role="img"]`).first().getAttribute("aria-label")) ?? "";
  if (!pattern.test(label)) throw new Error(`${selector}: ${label}`);
  return label;
}

/**
 * Sets the list `control` to `value` (by its option text), checks that the URL carries `param`, reloads that URL
 * without starting, and checks the list shows it again; then opens `invalid` and checks each notice.
 */
export async function urlRoundTrip(
  page: Page,
  path: string,
  {
    control,
    option,
    param,
    invalid,
    notices,
    fallback
  }: {
    control: string;
    option: string;
    param: string;
    invalid: string;
    notices: RegExp[];
    fallback: string;
  }
): Promise<void> {
  await checkPage(page, `${path}?autostart=0&epochs=3`, {timeout: 60_000});
  await page.locator(`.control-${control} select`).selectOption({label: option});
  await page.waitForFunction((p) => location.search.includes(p), param, {timeout: 5_000});
  const url = new URL(page.url());
  if (url.searchParams.get("epochs") !== "3" || url.searchParams.get("autostart") !== null)
    throw new Error(`URL after the change: ${url.search}`);
  await checkPage(page, `${path}${url.search}&autostart=0`, {timeout: 60_000});
  const shown = () =>
    page.locator(`.control-${control} select`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
  if ((await shown()) !== option) throw new Error(`after reload: ${await shown()}`);
  const epochs = await page.locator('.control-epochs input[type="number"]').inputValue();
  if (epochs !== "3") throw new Error(`after reload: epochs ${epochs}`);
  if ((await page.locator(".status").innerText()) !== "Not started.") throw new Error("it started");
  await screenshot(page, `${path.slice(1)}-url`);

  await checkPage(page, `${path}?autostart=0&${invalid}`, {timeout: 60_000});
  const warnings = await page.locator(".warning").allInnerTexts();
  for (const pattern of notices)
    if (!warnings.some((w) => pattern.test(w)))
      throw new Error(`no notice ${pattern}: ${warnings.join(" / ")}`);
  if ((await shown()) !== fallback) throw new Error(`after an invalid value: ${await shown()}`);
  await expectClean(page);
}
