// The activations page: ReLU's reference run beside the baseline's at once, the live ReLU and sigmoid runs side
// by side (ReLU's gradient reaches layer 1 at the size of layer 7's), the product of slopes for both, every
// activation's curve, the activation in the URL, and invalid values explained.
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, layerOne, replayThenLive, urlRoundTrip} from "./remedy-page.js";

test(
  "activations page: the reference runs show at once, and ReLU and the baseline train side by side",
  async (page) => {
    // 2,000 images → 1,800 fit → 4 steps × 2 epochs.
    const {replay, live} = await replayThenLive(page, "/activations?backend=wasm&train=2000&epochs=2", {
      replayHeadings: ["ReLU (study's experiment 4)", "Baseline (sigmoid)"],
      liveLabels: ["ReLU", "Baseline (sigmoid)"],
      steps: 8
    });
    if (!(layerOne(replay[0]!) > 1e4 * layerOne(replay[1]!)))
      throw new Error(`replay: ReLU's layer 1 not far above the baseline's: ${replay.join(" / ")}`);
    if (!(layerOne(live[0]!) > 100 * layerOne(live[1]!)))
      throw new Error(`live: ReLU's layer 1 gradient not far above the baseline's: ${live.join(" / ")}`);
    // Every registry activation is plotted, maxout included.
    await chartLabel(page, ".card", /Sigmoid′ at most 0\.25 .*ReLU′ at most 1 .*Maxout \(drawn as \|z\|\)′/);
    // The product of the slopes down to layer 1: about ½⁷ for ReLU, at most ¼⁷ for the sigmoid (2⁷ = 128×).
    const products = await chartLabel(page, ".products", /^Product of the mean activation derivatives/);
    const at1 = [...products.matchAll(/(\S+) at layer 1 at step/g)].map((m) => Number(m[1]));
    if (!(at1.length === 2 && at1[0]! > 50 * at1[1]!)) throw new Error(`products: ${products}`);
    await screenshot(page, "activations-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "activations page: the activation goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/activations", {
      control: "activation",
      option: "Leaky ReLU",
      param: "activation=leaky-relu",
      invalid: "activation=swish&slope=2",
      notices: [
        /Ignored \?activation=swish: it must be one of sigmoid, tanh, relu, /,
        /Ignored \?slope=2: it must be a number from 0 to 1\./
      ],
      fallback: "ReLU"
    });
    // Only the chosen activation's option shows: ReLU has none.
    if (await page.locator(".control-slope").isVisible()) throw new Error("slope shown for ReLU");
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
