// The gradient normalization page: the study's variant, block normalization and the baseline replayed at once;
// the study's variant live on three seeds beside the baseline, its layer-1 gradient after normalization far above
// the baseline's and the before/after chart naming both; block normalization lifting every layer to about 1; the
// variant in the URL, each variant's own ε, and invalid values explained.
import type {Page} from "playwright-core";
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, layerOne, replayThenLive, urlRoundTrip} from "./remedy-page.js";

const REPLAYS = [
  "Study's gradient norm (experiment 9), seed 42",
  "Block-normalized, seed 42",
  "Baseline, seed 42"
];

/** Layer 1's norms of `run` in the before/after chart's text alternative: [before, after], or [value] unnormalized. */
function layerOneNorms(label: string, run: string): number[] {
  const escaped = run.replace(/[()']/g, (c) => `\\${c}`);
  const match = new RegExp(`${escaped}(?: \\(not normalized\\))?: layer 1 (\\S+)(?: → (\\S+))?,`).exec(label);
  if (!match) throw new Error(`no layer 1 of ${run} in: ${label}`);
  return match
    .slice(1)
    .filter((x) => x !== undefined)
    .map(Number);
}

const normalizedChart = (page: Page) =>
  chartLabel(page, ".normalized", /^‖∂L\/∂W‖ per layer before → after gradient normalization at step 8: /);

test(
  "gradient normalization page: the reference runs show at once, and the study's variant trains on three seeds beside the baseline",
  async (page) => {
    const seeds = ["42", "1", "2"].map((s) => `Study's gradient norm, seed ${s}`);
    const {replay, live} = await replayThenLive(
      page,
      "/gradient-normalization?backend=wasm&train=2000&epochs=2",
      {
        replayHeadings: REPLAYS,
        liveLabels: [...seeds, "Baseline, seed 42"],
        steps: 8
      }
    );
    if (!(layerOne(replay[0]!) > 1e4 * layerOne(replay[2]!)))
      throw new Error(`replay: the study's layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    const label = await normalizedChart(page);
    const [baseline] = layerOneNorms(label, "Baseline, seed 42");
    for (const run of seeds) {
      const [before, after] = layerOneNorms(label, run);
      // Before: the true gradient, vanished like the baseline's; after: the 1/batch factor gone as well.
      if (!(before! < 1e-3 && after! > 1e4 * before! && after! > 1e4 * baseline!))
        throw new Error(`${run}: layer 1 ${before} → ${after}, baseline ${baseline}: ${label}`);
    }
    // Three seeds, three different runs: their layer-1 gradients after 8 steps all differ.
    const afters = new Set(seeds.map((run) => layerOneNorms(label, run)[1]));
    if (afters.size !== 3) throw new Error(`seeds trained alike: ${live.join(" / ")}`);
    await screenshot(page, "gradient-normalization-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "gradient normalization page: block normalization lifts every layer's step to about 1",
  async (page) => {
    const {live} = await replayThenLive(
      page,
      "/gradient-normalization?backend=wasm&train=2000&epochs=2&variant=block&seeds=1",
      {replayHeadings: REPLAYS, liveLabels: ["Block-normalized, seed 42", "Baseline, seed 42"], steps: 8}
    );
    const label = await normalizedChart(page);
    const [before, after] = layerOneNorms(label, "Block-normalized, seed 42");
    const [baseline] = layerOneNorms(label, "Baseline, seed 42");
    if (!(after! > 0.5 && after! <= 1 && after! > 1e4 * before! && after! > 1e4 * baseline!))
      throw new Error(`block: layer 1 ${before} → ${after}, baseline ${baseline}: ${live.join(" / ")}`);
    if (
      !(await page.locator(".control-blockEps").isVisible()) ||
      (await page.locator(".control-eps").isVisible())
    )
      throw new Error("block: the study's ε shown, or block's hidden");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 60_000}
);

test(
  "gradient normalization page: the variant goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/gradient-normalization", {
      control: "variant",
      option: "Block-normalized",
      param: "variant=block",
      invalid: "variant=clip&seeds=5",
      notices: [
        /Ignored \?variant=clip: it must be one of study, block/,
        /Ignored \?seeds=5: it must be one of 1, 2, 3/
      ],
      fallback: "Study's gradient norm"
    });
    if (
      !(await page.locator(".control-eps").isVisible()) ||
      (await page.locator(".control-blockEps").isVisible())
    )
      throw new Error("study: block's ε shown, or the study's hidden");
    await page.locator(".control-seeds select").selectOption({label: "1: 42"});
    await page.waitForFunction(() => location.search.includes("seeds=1"), null, {timeout: 5_000});
    const expected = await page.locator(".expected").innerText();
    if (!/^2 runs side by side/.test(expected)) throw new Error(`with seeds=1: ${expected}`);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
