// The optimizers page: Adam's reference run beside the baseline's at once, with their update ratios; the live Adam
// and SGD runs side by side (Adam moves layer 1 by orders of magnitude more per step), a preset in the URL, and
// invalid values explained.
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, replayThenLive, urlRoundTrip} from "./remedy-page.js";

/** Layer 1's update ratio per run in the updateRatios chart's text ("Adam at step 8: 5.0e-3 at layer 1, …"). */
const layerOneRatios = (label: string) =>
  [...label.matchAll(/: (\S+) at layer 1,/g)].map((m) => Number(m[1]));

test(
  "optimizers page: the reference runs show at once, and Adam and the baseline train side by side",
  async (page) => {
    await replayThenLive(page, "/optimizers?backend=wasm&train=2000&epochs=2", {
      replayHeadings: ["Adam (study's experiment 5)", "Baseline (SGD)"],
      liveLabels: ["Adam, η 0.001", "Baseline (SGD, η 0.01)"],
      steps: 8
    });
    const replay = layerOneRatios(await chartLabel(page, ".ratios-replay", /^Update-to-weight ratio/));
    if (!(replay.length === 2 && replay[0]! > 1e4 * replay[1]!)) throw new Error(`replay ratios: ${replay}`);
    const live = layerOneRatios(await chartLabel(page, ".ratios", /^Update-to-weight ratio/));
    if (!(live.length === 2 && live[0]! > 1e4 * live[1]!)) throw new Error(`live ratios: ${live}`);
    // Only Adam's hyperparameters show.
    for (const [key, shown] of [
      ["beta2", true],
      ["momentum", false],
      ["weightDecay", false]
    ] as const)
      if ((await page.locator(`.control-${key}`).isVisible()) !== shown)
        throw new Error(`${key} shown: ${!shown}`);
    await screenshot(page, "optimizers-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "optimizers page: a preset goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/optimizers", {
      control: "optimizer",
      option: "Momentum",
      param: "optimizer=momentum",
      invalid: "optimizer=lbfgs&learningRate=0",
      notices: [
        /Ignored \?optimizer=lbfgs: it must be one of sgd, momentum, nesterov, /,
        /Ignored \?learningRate=0: it must be a number from 0.0001 to 1\./
      ],
      fallback: "Adam"
    });
    // A preset sets the optimizer and its learning rate together, and the URL follows.
    await page.getByRole("button", {name: "RMSprop, η 0.01"}).click();
    await page.waitForFunction(() => /optimizer=rmsprop.*learningRate=0.01/.test(location.search), null, {
      timeout: 5_000
    });
    if (!(await page.locator(".control-alpha").isVisible())) throw new Error("RMSprop's α hidden");
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
