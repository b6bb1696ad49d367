// The skip-connections page: the study's skip run beside the baseline at once, the live skip network and the
// baseline side by side (layer 1 receives gradient only with the paths), the diagrams drawing exactly the
// configs' declared paths and following the controls, the wiring in the URL, and invalid values explained.
import type {Page} from "playwright-core";
import {remedyRuns, valuesFromUrl} from "../../src/lib/remedy-spec.js";
import {SKIP_SPEC} from "../../src/lib/skip-connections.js";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, screenshot, test} from "./harness.js";
import {layerOne, replayThenLive, urlRoundTrip} from "./remedy-page.js";

/** The skips of the remedy and the baseline configs the page trains for the query `search`. */
function declaredSkips(search: string): string[][] {
  const runs = remedyRuns(SKIP_SPEC, valuesFromUrl(SKIP_SPEC, search).values);
  return [runs[0]!, runs.at(-1)!].map((run) => run.config.skips.map(({from, to}) => `${from}→${to}`));
}

/** The identity paths each diagram draws, as "from→to", remedy's first. */
async function drawnPaths(page: Page): Promise<string[][]> {
  return Promise.all(
    [".diagram-remedy", ".diagram-baseline"].map((card) =>
      page
        .locator(`${card} .identity-path`)
        .evaluateAll((paths) =>
          paths.map((p) => `${p.getAttribute("data-from")}→${p.getAttribute("data-to")}`)
        )
    )
  );
}

async function expectDiagrams(page: Page, search: string): Promise<void> {
  const want = declaredSkips(search);
  await page
    .waitForFunction(
      (n) => document.querySelectorAll(".diagram-remedy .identity-path").length === n,
      want[0]!.length,
      {timeout: 10_000}
    )
    .catch(() => {});
  const drawn = await drawnPaths(page);
  if (JSON.stringify(drawn) !== JSON.stringify(want))
    throw new Error(
      `diagrams for ${search}: drew ${JSON.stringify(drawn)}, configs declare ${JSON.stringify(want)}`
    );
  const label = (await page.locator(".diagram-remedy svg").getAttribute("aria-label")) ?? "";
  const count = want[0]!.length;
  if (count && !label.includes(`${count} identity path`)) throw new Error(`diagram label: ${label}`);
}

test(
  "skip connections page: the reference runs show at once, and the skip network and the baseline train side by side",
  async (page) => {
    const search = "?backend=wasm&train=2000&epochs=2";
    const {replay, live} = await replayThenLive(page, `/skip-connections${search}`, {
      replayHeadings: ["Skips 1→3, 4→7 (study's experiment 7)", "Baseline (no skips)"],
      liveLabels: ["Skips 1→3, 4→7", "Baseline (no skips)"],
      steps: 8
    });
    // Through the paths layer 1's gradient is ~10⁻², without them ~10⁻⁶ (seven sigmoid factors on small weights).
    if (!(layerOne(replay[0]!) > 1e3 * layerOne(replay[1]!)))
      throw new Error(`replay: the skip run's layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    if (!(layerOne(live[0]!) > 1e3 * layerOne(live[1]!)))
      throw new Error(`live: the skip run's layer 1 not far above the baseline's: ${live.join(" / ")}`);
    await expectDiagrams(page, search);
    if (await page.locator(".control-span").isVisible())
      throw new Error("block length shown for the study's paths");
    await screenshot(page, "skip-connections-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "skip connections page: the wiring goes into the URL, the diagram follows it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/skip-connections", {
      control: "pattern",
      option: "Chained blocks (ResNet)",
      param: "pattern=blocks",
      invalid: "pattern=dense&span=9",
      notices: [
        /Ignored \?pattern=dense: it must be one of study, blocks, none/,
        /Ignored \?span=9: it must be a whole number from 1 to 6\./
      ],
      fallback: "The study's (1→3, 4→7)"
    });
    await expectDiagrams(page, "?pattern=dense&span=9");
    const search = "?autostart=0&pattern=blocks&span=1&normalization=batchnorm";
    await checkPage(page, `/skip-connections${search}`, {timeout: 60_000});
    await expectDiagrams(page, search);
    if ((await page.locator(".diagram-remedy .norm").count()) !== 7)
      throw new Error("no normalization layers drawn");
    // Changing the controls redraws the diagram from the new config.
    await page.locator(".control-pattern select").selectOption({label: "None (same small weights)"});
    await page.waitForFunction(() => location.search.includes("pattern=none"), null, {timeout: 5_000});
    await expectDiagrams(page, "?pattern=none&span=1&normalization=batchnorm");
    if (await page.locator(".control-span").isVisible()) throw new Error("block length shown without blocks");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
