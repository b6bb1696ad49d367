// The playground: a shared URL trains the same run again (the same first-epoch loss, read from the metrics
// download), every download arrives and parses (CSV rows, JSON, the command line's config), two configurations
// train side by side, adding and removing a configuration goes into the URL, and invalid URL values are
// explained while the page falls back to its defaults. The harness fails a test on any console error.
import {readFile} from "node:fs/promises";
import type {Page} from "playwright-core";
import {TRAINING_TIMEOUT_MS, checkPage, expectClean, screenshot, test} from "./harness.js";

/** 2,000 images (1,800 fit, 4 steps of 512) for one epoch on wasm: a run of seconds. */
const SMALL = "c1.epochs=1&c1.train=2000";

async function finished(page: Page, runs: number): Promise<string[]> {
  await page
    .waitForFunction(
      (n) => {
        const statuses = [...document.querySelectorAll(".live .run-status")].map((s) => s.textContent ?? "");
        return statuses.length === n && statuses.every((s) => s.startsWith("Finished"));
      },
      runs,
      {timeout: 150_000}
    )
    .catch(async () => {
      throw new Error(`runs: ${(await page.locator(".live .run-status").allInnerTexts()).join(" / ")}`);
    });
  return page.locator(".live .run-summary").allInnerTexts();
}

/** Clicks the download `label` of run `run` (1-based) and returns the file's name and text. */
async function download(page: Page, run: number, label: string): Promise<{name: string; text: string}> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page
      .locator(".pg-export")
      .nth(run - 1)
      .getByRole("button", {name: label})
      .click()
  ]);
  return {name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8")};
}

interface MetricsFile {
  label: string;
  config: {trainSize: number; epochs: number; seeds: {init: number; data: number}};
  metrics: {step: number; kind: string; train_loss: number; validation_loss: number | null}[];
}

/** The first epoch's validation loss (the first snapshot with one) and its mean training loss. */
const firstEpoch = (metrics: MetricsFile["metrics"]) => {
  const row = metrics.find((m) => m.validation_loss !== null);
  if (!row) throw new Error(`no epoch end in ${JSON.stringify(metrics)}`);
  return {train: row.train_loss, validation: row.validation_loss as number};
};

/** The example of the page's report: the study's network beside ReLU on N(0, 0.05²) weights, same seeds. */
const TWO = `configs=2&${SMALL}&c2.epochs=1&c2.train=2000&c2.act=relu&c2.init=normal`;

test(
  "playground: a shared URL with two configurations trains both side by side, reproduces their first-epoch losses, and every download parses",
  async (page) => {
    await checkPage(page, `/playground?backend=wasm&${TWO}`, {timeout: 60_000});
    const backend = await page
      .locator(".pg-backend select")
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    if (backend !== "wasm") throw new Error(`backend shown: ${backend}`);
    const lines = await finished(page, 2);
    if ((await page.locator(".backend").innerText()) !== "wasm") throw new Error("the runs did not use wasm");
    const labels = await page.locator(".live .run-card h2").allInnerTexts();
    if (!/^1\. Sigmoid, PyTorch default/.test(labels[0]!) || !/^2\. ReLU, Normal 0\.05/.test(labels[1]!))
      throw new Error(`cards: ${labels.join(" / ")}`);
    if (!lines.every((line) => /^Step 4: ‖∂L\/∂W‖ \S+ at layer 1, \S+ at layer 7; accuracy/.test(line)))
      throw new Error(`summaries: ${lines.join(" / ")}`);
    console.log(`playground, two configurations: ${lines.join(" / ")}`);
    await screenshot(page, "playground-two");
    // The views of one run: run 2 chosen, its per-layer table at its last step.
    await page.locator(".layer-choice select").first().selectOption({label: labels[1]!});
    await page.waitForFunction(
      () =>
        /^Per-layer probes at step 4/.test(document.querySelector(".layer-table caption")?.textContent ?? ""),
      null,
      {timeout: 10_000}
    );
    const relu = await page.locator(".layer-table").innerText();
    if (!/hidden 7\t\S+e-\d\t\S+e-\d/.test(relu)) throw new Error(`views of run 2: ${relu}`);
    await page.waitForFunction(
      () => document.querySelectorAll(".layer-views svg[role='img']").length >= 8,
      null,
      {
        timeout: 10_000
      }
    );

    const json = await download(page, 2, "Metrics (JSON)");
    if (json.name !== "config-2-metrics.json") throw new Error(`JSON file named ${json.name}`);
    const metrics = JSON.parse(json.text) as MetricsFile;
    if (metrics.config.trainSize !== 2000 || metrics.config.epochs !== 1)
      throw new Error(`config in the JSON: ${JSON.stringify(metrics.config)}`);
    const csv = await download(page, 2, "Metrics (CSV)");
    const rows = csv.text.trimEnd().split("\r\n");
    const header = rows[0]!.split(",");
    if (
      rows.length !== metrics.metrics.length + 1 ||
      !header.includes("grad_1") ||
      !header.includes("train_loss")
    )
      throw new Error(`CSV: ${rows.length} lines, header ${rows[0]}`);
    const lastLoss = Number(rows.at(-1)!.split(",")[header.indexOf("train_loss")]);
    if (lastLoss !== metrics.metrics.at(-1)!.train_loss) throw new Error(`CSV loss ${lastLoss}`);
    const command = await download(page, 2, "Command line");
    const quoted = /npm run experiment -- --config '(.*)'\n/.exec(command.text)?.[1];
    if (!quoted || JSON.stringify(JSON.parse(quoted)) !== JSON.stringify(metrics.config))
      throw new Error(`command line: ${command.text}`);
    const script = await download(page, 2, "PyTorch script");
    if (script.name !== "config-2-train.py" || !/import/.test(script.text) || !script.text.includes('"relu"'))
      throw new Error(`PyTorch script ${script.name}: ${script.text.slice(0, 200)}`);
    // The finished run's trained weights: every hidden layer and the output, W as [fan-in, fan-out].
    const weights = JSON.parse((await download(page, 2, "Trained weights (JSON)")).text) as {
      config: unknown;
      layers: {name: string; tensors: {name: string; shape: number[]; values: number[]}[]}[];
    };
    const first = weights.layers[0]?.tensors.find((t) => t.shape.length === 2);
    if (
      JSON.stringify(weights.config) !== JSON.stringify(metrics.config) ||
      weights.layers.length !== 8 ||
      first?.shape.join() !== "784,128" ||
      first.values.length !== 784 * 128 ||
      !first.values.every(Number.isFinite)
    )
      throw new Error(`weights: ${weights.layers.map((l) => l.name).join()} ${first?.shape}`);

    // One download at a time: a second click while the first waits would be taken for the same event.
    const losses = async () => {
      const out = [];
      for (const run of [1, 2])
        out.push(
          firstEpoch((JSON.parse((await download(page, run, "Metrics (JSON)")).text) as MetricsFile).metrics)
        );
      return out;
    };
    const firstLosses = await losses();
    if (!firstLosses.every((l) => l.validation > 0 && Number.isFinite(l.validation)))
      throw new Error(JSON.stringify(firstLosses));
    // The page wrote the settings back into its URL; opening that URL trains the same runs again.
    const shared = new URL(page.url());
    if (shared.searchParams.get("c2.act") !== "relu") throw new Error(`URL after the run: ${shared.search}`);
    await checkPage(page, `/playground${shared.search}`, {timeout: 60_000});
    await finished(page, 2);
    const again = await losses();
    if (JSON.stringify(again) !== JSON.stringify(firstLosses))
      throw new Error(`first epoch ${JSON.stringify(firstLosses)}, then ${JSON.stringify(again)}`);
    console.log(
      `playground: first-epoch losses ${JSON.stringify(firstLosses)} on both loads of ${shared.search}`
    );
    await expectClean(page);
  },
  {timeout: TRAINING_TIMEOUT_MS + 90_000}
);

test("playground: adding, changing and removing a configuration goes into the URL", async (page) => {
  await checkPage(page, "/playground?autostart=0", {timeout: 60_000});
  await page.getByRole("button", {name: /^Add a configuration/}).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("configs") === "2", null, {
    timeout: 5_000
  });
  const second = page.locator(".pg-config").nth(1);
  await second.locator(".control-act select").selectOption({label: "Leaky ReLU"});
  await page.waitForFunction(() => location.search.includes("c2.act=leaky-relu"), null, {timeout: 5_000});
  if (!(await second.locator(".control-act-slope").isVisible())) throw new Error("leaky ReLU's slope hidden");
  if (await page.locator(".pg-config").first().locator(".control-act-slope").isVisible())
    throw new Error("sigmoid shows a slope");
  await second.locator(".pg-preset select").selectOption({label: "Better optimizer"});
  await page.waitForFunction(() => location.search.includes("c2.opt=adam"), null, {timeout: 5_000});
  if (!/^2 runs side by side/.test(await page.locator(".expected").innerText())) throw new Error("plan");
  await page.getByRole("button", {name: "Remove configuration 1"}).click();
  await page.waitForFunction(
    () => !location.search.includes("configs=") && location.search.includes("c1.opt=adam"),
    null,
    {timeout: 5_000}
  );
  await expectClean(page);
});

test("playground: invalid URL values fall back to the defaults with a notice naming each", async (page) => {
  await checkPage(page, "/playground?autostart=0&c1.depth=99&c1.opt=adam&c1.opt-momentum=0.9&c3.width=8", {
    timeout: 60_000
  });
  const warnings = (await page.locator(".warning").allInnerTexts()).join(" / ");
  for (const pattern of [
    /Ignored \?c1\.depth=99: it must be a whole number from 1 to 64\./,
    /Ignored \?c1\.opt-momentum=0\.9: adam has no option momentum\./,
    /Ignored \?c3\.width: there is 1 configuration/
  ])
    if (!pattern.test(warnings)) throw new Error(`no notice ${pattern}: ${warnings}`);
  const depth = await page.locator('.control-depth input[type="number"]').inputValue();
  if (depth !== "7") throw new Error(`depth ${depth}`);
  const optimizer = await page
    .locator(".control-opt select")
    .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
  if (optimizer !== "Adam") throw new Error(`optimizer ${optimizer}`);
  // A learning rate spans 1e-4 to 10 and more: a number box (remedy-inputs' "number" input), no slider.
  const rate = page.locator(".control-opt-learningRate");
  if (
    (await rate.locator('input[type="number"]').inputValue()) !== "0.001" ||
    (await rate.locator('input[type="range"]').count()) !== 0
  )
    throw new Error("Adam's learning rate is not a number box at 0.001");
  if ((await page.locator(".status").innerText()) !== "Not started.") throw new Error("it started");
  await screenshot(page, "playground-notices");
  await expectClean(page);
});
