// The index page's map: every remedy page linked in the study's order, each link leading to a built page, each
// line giving its outcome; and each remedy page's pager leading on to the next remedy.
import {REMEDY_PAGES} from "../../src/lib/remedy-map.js";
import {checkPage, expectClean, sitePages, test} from "./harness.js";

test("index page: the map links the seven remedy pages in the study's order, each with its outcome", async (page) => {
  await checkPage(page, "/", {waitFor: ".remedy-map li"});
  const links = await page
    .locator(".remedy-map li a")
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const expected = REMEDY_PAGES.map((p) => p.path);
  if (links.join(" ") !== expected.join(" ")) throw new Error(`map links: ${links.join(" ")}`);
  const built = sitePages();
  const missing = expected.filter((path) => !built.includes(path));
  if (missing.length) throw new Error(`map links pages that were not built: ${missing.join(", ")}`);
  const lines = await page.locator(".remedy-map li").allInnerTexts();
  const bad = lines.filter(
    (line) => !/\d+\.\d% \(study \d+\.\d%\)|\d+\.\d%/.test(line) || /not yet run/.test(line)
  );
  if (bad.length) throw new Error(`outcome lines without a result: ${bad.join(" / ")}`);
  await expectClean(page);
});

test("remedy pages: each page's next link is the next remedy in the study's order", async (page) => {
  for (const [i, remedy] of REMEDY_PAGES.slice(0, -1).entries()) {
    await checkPage(page, `${remedy.path}?autostart=0`);
    const next = await page.locator('a[rel="next"]').getAttribute("href");
    if (next !== `.${REMEDY_PAGES[i + 1]!.path}`) throw new Error(`${remedy.path}: next is ${next}`);
  }
});

test("index page: the explorer redraws the gradient profile for each change, the newest settings last", async (page) => {
  await checkPage(page, "/");
  const status = page.locator(".explorer-status");
  const profile = page.locator(".explorer-profile svg[role=img]").first();
  const shows = (prefix: string) =>
    page.waitForFunction(
      (p) => document.querySelector(".explorer-status")?.textContent?.startsWith(p),
      prefix,
      {
        timeout: 60_000
      }
    );
  await shows("7 hidden layers, Sigmoid, N(0, 0.05²): one pass took");
  const depth = page.locator('.control-depth input[type="number"]');
  // A burst of changes, as a drag gives: only the last one's answer is drawn.
  for (const d of [9, 14, 21, 30, 12]) {
    await depth.fill(String(d));
    await depth.dispatchEvent("input");
  }
  await shows("12 hidden layers, Sigmoid, N(0, 0.05²)");
  const label = (await profile.getAttribute("aria-label")) ?? "";
  if (!/at layer 1 at step 0/.test(label) || !/mean-field goes from .* at hidden 12 /.test(label))
    throw new Error(`profile after depth 12: ${label}`);
  const panels = await page.locator(".explorer-histograms svg[role=img]").first().getAttribute("aria-label");
  if (!/hidden 12/.test(panels ?? "")) throw new Error(`histograms after depth 12: ${panels}`);
  await page.locator(".control-activation select").selectOption({label: "ReLU"});
  await shows("12 hidden layers, ReLU, N(0, 0.05²)");
  const text = await status.innerText();
  if (!/one pass took \d+ ms in a worker \(wasm\), \d+ ms from your change to the answer\./.test(text))
    throw new Error(`status: ${text}`);
  // A deep network: its histograms are sampled (12 panels, the first and last hidden layers among them).
  await depth.fill("30");
  await depth.dispatchEvent("input");
  await shows("30 hidden layers, ReLU");
  const heading = await page.locator(".explorer-histograms h2").innerText();
  const sampled =
    (await page.locator(".explorer-histograms svg[role=img]").first().getAttribute("aria-label")) ?? "";
  if (!/12 of 30/.test(heading) || !/of 12 hidden layers/.test(sampled) || !/hidden 30/.test(sampled))
    throw new Error(`histograms at depth 30: ${heading} / ${sampled}`);
  const redraws = await page.evaluate(() => performance.getEntriesByName("explorer-redraw").length);
  if (redraws < 3) throw new Error(`only ${redraws} redraws measured`);
  await expectClean(page);
});
