// The layer-wise training page: both head variants' reference runs and the baseline's at once, with the stage
// timeline of the reference runs (drawn from their stage tables, with each stage's test accuracy); the live
// head variants and the baseline training side by side with each live stage's accuracy appearing in the live
// timeline; the head in the URL; invalid values explained.
import {TRAINING_TIMEOUT_MS, expectClean, screenshot, test} from "./harness.js";
import {chartLabel, replayThenLive, urlRoundTrip} from "./remedy-page.js";

/** "New head 66.6%, 58.2%, …" of a timeline's text alternative: each run's accuracies in % (null for –). */
function stageAccuracies(label: string, run: string): (number | null)[] {
  const list = new RegExp(`${run} ((?:(?:[\\d.]+%|–)(?:, |;|\\.))+)`).exec(label)?.[1] ?? "";
  return [...list.matchAll(/([\d.]+)%|–/g)].map((m) => (m[1] ? Number(m[1]) : null));
}

test(
  "layerwise page: the reference runs and their stage timeline show at once, and the live stages report their accuracy",
  async (page) => {
    await replayThenLive(page, "/layerwise?backend=wasm&train=2000&epochs=6", {
      replayHeadings: [
        "Layer-wise, new head each stage (study's experiment 8)",
        "Layer-wise, head kept",
        "Baseline (all layers at once)"
      ],
      // Six stages of 100 epochs of 106 steps for the staged runs, 100 epochs for the baseline.
      replaySteps: [63600, 63600, 10600],
      liveLabels: [
        "Layer-wise, new head each stage",
        "Layer-wise, head kept",
        "Baseline (all layers at once)"
      ],
      // 1,800 fit images: 4 steps an epoch, 6 epochs (one per stage).
      steps: 24
    });
    // The reference timeline: the schedule from the stage table, and the committed runs' stage-end accuracies
    // (data/runs/layerwise_s42_e100.json stageTests: stage 3 at 48.6%, the final model at 54.9%).
    const reference = await chartLabel(
      page,
      ".reference-timeline",
      /^Layer-wise schedule of 6 stages over 4 blocks/
    );
    if (!/stage 3: blocks 1, 2 frozen, block 3 training;/.test(reference)) throw new Error(reference);
    const study = stageAccuracies(reference, "New head");
    if (study.length !== 6 || study[2] !== 48.6 || study[5] !== 54.9)
      throw new Error(`reference: ${reference}`);
    if (!/Head kept: head kept in stages 4, 6/.test(reference)) throw new Error(reference);
    // Live: every stage of both staged runs has ended and reports a test accuracy.
    await page.waitForFunction(
      () =>
        (document.querySelector(".live-timeline svg")?.getAttribute("aria-label") ?? "").includes(
          "Head kept"
        ),
      null,
      {timeout: 10_000}
    );
    const live = await chartLabel(page, ".live-timeline", /Test accuracy at each stage's end: /);
    for (const run of ["New head", "Head kept"]) {
      const accuracies = stageAccuracies(live, run);
      if (accuracies.length !== 6 || accuracies.some((a) => a === null || a < 0 || a > 100))
        throw new Error(`live ${run}: ${live}`);
    }
    // The two variants share stages 1–3 exactly (same seeds, data and schedule until the head is kept).
    const [a, b] = [stageAccuracies(live, "New head"), stageAccuracies(live, "Head kept")];
    if (a.slice(0, 3).join() !== b.slice(0, 3).join()) throw new Error(`stages 1–3 differ: ${live}`);
    await screenshot(page, "layerwise-trained");
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test(
  "layerwise page: the head goes into the URL, the URL reproduces it, and invalid values are explained",
  async (page) => {
    await urlRoundTrip(page, "/layerwise", {
      control: "head",
      option: "Keep the head when a stage only unfreezes",
      param: "head=keep",
      invalid: "head=old&lr=50",
      notices: [
        /Ignored \?head=old: it must be one of new, keep/,
        /Ignored \?lr=50: it must be a number from 0\.0001 to 10/
      ],
      fallback: "A new head every stage (the study's)"
    });
    await page
      .locator(".control-compare select")
      .selectOption({label: "The chosen head variant, and the baseline"});
    await page.waitForFunction(() => location.search.includes("compare=one"), null, {timeout: 5_000});
    const expected = await page.locator(".expected").innerText();
    if (!/^2 runs side by side/.test(expected)) throw new Error(`with compare=one: ${expected}`);
  },
  {timeout: TRAINING_TIMEOUT_MS}
);
