// The normalization page: BatchNorm's reference run beside the baseline's at once, the live BatchNorm,
// standardization, LayerNorm and baseline runs side by side (each layer's gradient reaches layer 1), the
// pre-activation percentiles of a hidden layer for all (pinned near 0 with BatchNorm), a layer in the URL, the
// chosen layer alone with ?compare=one, and invalid values explained.
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, layerOne, replayThenLive, urlRoundTrip} from "./remedy-page.js";

test(
  "normalization page: the reference runs show at once, and the three layers and the baseline train side by side",
  async (page) => {
    const {replay, live} = await replayThenLive(page, "/normalization?backend=wasm&train=2000&epochs=2", {
      replayHeadings: ["BatchNorm (study's experiment 6)", "Baseline (no normalization)"],
      liveLabels: ["Batch norm", "Standardize (the study's)", "Layer norm", "Baseline (no normalization)"],
      steps: 8
    });
    if (!(layerOne(replay[0]!) > 1e4 * layerOne(replay[1]!)))
      throw new Error(`replay: BatchNorm's layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    // BatchNorm and standardization (the same in train mode while γ = 1, β = 0) lift layer 1's gradient about
    // 10⁵-fold; LayerNorm only ~10²·⁵-fold (its per-example scale is mostly a pattern shared by every example).
    const lift = live.slice(0, 3).map((line) => layerOne(line) / layerOne(live[3]!));
    if (!(lift[0]! > 1e4 && lift[1]! > 1e4 && lift[2]! > 1e2))
      throw new Error(`live: layer 1 gradients over the baseline's ${lift.join(", ")}: ${live.join(" / ")}`);
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
    // BatchNorm still trains beside standardization, so its momentum shows until the chosen layer trains alone.
    if (!(await page.locator(".control-momentum").isVisible())) throw new Error("momentum hidden");
    await page.locator(".control-compare select").selectOption({label: "The chosen layer, and the baseline"});
    await page.waitForFunction(() => location.search.includes("compare=one"), null, {timeout: 5_000});
    if (await page.locator(".control-momentum").isVisible())
      throw new Error("momentum shown for standardization alone");
    const expected = await page.locator(".expected").innerText();
    if (!/^2 runs side by side/.test(expected)) throw new Error(`with compare=one: ${expected}`);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
