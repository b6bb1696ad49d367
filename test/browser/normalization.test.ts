// The normalization page: BatchNorm's reference run beside the baseline's at once, the live BatchNorm and baseline
// runs side by side (BatchNorm's gradient reaches layer 1), the pre-activation percentiles of a hidden layer for
// both (pinned near 0 with BatchNorm), a layer in the URL, and invalid values explained.
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, layerOne, replayThenLive, urlRoundTrip} from "./remedy-page.js";

test(
  "normalization page: the reference runs show at once, and BatchNorm and the baseline train side by side",
  async (page) => {
    const {replay, live} = await replayThenLive(page, "/normalization?backend=wasm&train=2000&epochs=2", {
      replayHeadings: ["BatchNorm (study's experiment 6)", "Baseline (no normalization)"],
      liveLabels: ["Batch norm", "Baseline (no normalization)"],
      steps: 8
    });
    if (!(layerOne(replay[0]!) > 1e4 * layerOne(replay[1]!)))
      throw new Error(`replay: BatchNorm's layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    if (!(layerOne(live[0]!) > 1e3 * layerOne(live[1]!)))
      throw new Error(`live: BatchNorm's layer 1 gradient not far above the baseline's: ${live.join(" / ")}`);
    // Layer 7's pre-activations: BatchNorm's median near 0 with the 15th/85th percentiles near ∓1 (the chart
    // writes minus signs as U+2212).
    const label = await chartLabel(page, ".percentiles", /^Percentiles \(.*\) of the pre-activations of /);
    const bn = /^.*?: Batch norm (\S+), (\S+), (\S+) at step 8/.exec(label);
    const [p15, p50, p85] = (bn ?? []).slice(1).map((x) => Number(x.replace("−", "-")));
    if (!(Math.abs(p50!) < 0.3 && p15! < -0.5 && p85! > 0.5)) throw new Error(`percentiles: ${label}`);
    if (!(await page.locator(".control-momentum").isVisible()))
      throw new Error("BatchNorm's momentum hidden");
    await screenshot(page, "normalization-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "normalization page: the layer goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/normalization", {
      control: "normalization",
      option: "Layer norm",
      param: "normalization=layernorm",
      invalid: "normalization=groupnorm&momentum=2",
      notices: [
        /Ignored \?normalization=groupnorm: it must be one of none, batchnorm, standardize, layernorm/,
        /Ignored \?momentum=2: it must be a number from 0 to 1\./
      ],
      fallback: "Batch norm"
    });
    await page.getByRole("button", {name: "Standardize (the study's)"}).click();
    await page.waitForFunction(() => location.search.includes("normalization=standardize"), null, {
      timeout: 5_000
    });
    if (await page.locator(".control-momentum").isVisible())
      throw new Error("momentum shown for standardization");
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
