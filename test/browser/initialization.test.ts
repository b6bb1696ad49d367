// The initialization page: its reference runs replayed before anything trains, the live comparison of the remedy
// against the baseline (the gradient reaches layer 1 only with the remedy), presets and settings kept in the URL,
// and invalid URL values explained.
import type {Page} from "playwright-core";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, screenshot, test} from "./harness.js";

/** Layer 1's gradient norm in a card's summary line ("Step 8: ‖∂L/∂W‖ 1.2e-6 at layer 1, …"). */
const layerOne = (line: string) => Number(/‖∂L\/∂W‖ (\S+) at layer 1,/.exec(line)?.[1]);
const summaries = (page: Page, within: string) => page.locator(`${within} .run-summary`).allInnerTexts();

test(
  "initialization page: the reference runs show at once, and the remedy and the baseline train side by side",
  async (page) => {
    await checkPage(page, "/initialization?backend=wasm&train=2000&epochs=2", {timeout: 60_000});
    // The replay is there whatever the live runs do: three cards, 100 epochs each, with their test accuracy.
    await page.waitForFunction(() => document.querySelectorAll(".replay .run-summary").length === 3, null, {
      timeout: 20_000
    });
    const replay = await summaries(page, ".replay");
    if (!replay.every((line) => /^Step 10600: .*\(test\)\.$/.test(line))) throw new Error(replay.join("\n"));
    if (!(layerOne(replay[0]!) > 1e4 * layerOne(replay[2]!)))
      throw new Error(`replay: N(0, 1²) layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    const heading = await page.locator(".replay .run-card h2").allInnerTexts();
    if (heading.join("|") !== "N(0, 1²): about right|N(0, 10²): too large|Baseline (PyTorch default)")
      throw new Error(`replay cards: ${heading.join(", ")}`);

    // The live comparison started by itself: N(0, 1²) and the baseline, 1,800 fit images → 4 steps × 2 epochs.
    const finished = () => {
      const statuses = [...document.querySelectorAll(".live .run-status")].map((s) => s.textContent ?? "");
      return statuses.length === 2 && statuses.every((s) => s.startsWith("Finished: step 8 of 8"));
    };
    await page.waitForFunction(finished, null, {timeout: 100_000}).catch(async () => {
      throw new Error(`live runs: ${(await page.locator(".live .run-status").allInnerTexts()).join(" / ")}`);
    });
    const labels = await page.locator(".live .run-card h2").allInnerTexts();
    if (labels.join("|") !== "N(0, 1²) init|Baseline") throw new Error(labels.join(", "));
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll(".live .run-summary")].every((p) =>
          /^Step 8:/.test(p.textContent ?? "")
        ),
      null,
      {timeout: 10_000}
    );
    const live = await summaries(page, ".live");
    if (!(layerOne(live[0]!) > 1e3 * layerOne(live[1]!)))
      throw new Error(
        `live: the remedy's layer 1 gradient is not far above the baseline's: ${live.join(" / ")}`
      );
    const expected = await page.locator(".expected").innerText();
    if (
      !/^2 runs side by side, 8 steps each: the steps take about \d+ s at \d+ ms per step, plus /.test(
        expected
      )
    )
      throw new Error(`expected time: ${expected}`);
    // The measured step-0 profile sits beside the mean-field prediction for the same settings.
    if ((await page.locator(".theory .phase").innerText()) !== "chaotic")
      throw new Error("phase of N(0, 1²)");
    await screenshot(page, "initialization-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 60_000}
);

test(
  "initialization page: a preset goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await checkPage(page, "/initialization?autostart=0&epochs=3", {timeout: 60_000});
    await page.getByRole("button", {name: "Too large (10.0)"}).click();
    await page.waitForFunction(() => location.search.includes("scale=10"), null, {timeout: 5_000});
    const url = new URL(page.url());
    if (url.searchParams.get("epochs") !== "3" || url.searchParams.get("autostart") !== null)
      throw new Error(`URL after the preset: ${url.search}`);
    await page.locator(".theory h2", {hasText: "N(0, 10²) init"}).waitFor({timeout: 10_000});
    const chi = Number(await page.locator(".theory .chi1").innerText());
    if (!(chi > 5)) throw new Error(`χ₁ for N(0, 10²): ${chi}`);

    // The link, opened again (without starting), shows the same settings.
    await checkPage(page, `/initialization${url.search}&autostart=0`, {timeout: 60_000});
    const scale = await page.locator('.control-scale input[type="number"]').inputValue();
    const epochs = await page.locator('.control-epochs input[type="number"]').inputValue();
    if (Number(scale) !== 10 || epochs !== "3")
      throw new Error(`after reload: scale ${scale}, epochs ${epochs}`);
    if ((await page.locator(".status").innerText()) !== "Not started.") throw new Error("it started");

    await checkPage(page, "/initialization?autostart=0&scale=50&scheme=lecun", {timeout: 60_000});
    const warnings = await page.locator(".warning").allInnerTexts();
    const expected = [
      /Ignored \?scheme=lecun: it must be one of pytorch-default, normal, /,
      /Ignored \?scale=50: it must be a number from 0.01 to 20\./
    ];
    for (const pattern of expected)
      if (!warnings.some((w) => pattern.test(w)))
        throw new Error(`no notice ${pattern}: ${warnings.join(" / ")}`);
    const scheme = await page
      .locator(".control-scheme select")
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    if (scheme !== "Normal") throw new Error(`scheme after an invalid ?scheme=: ${scheme}`);
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
