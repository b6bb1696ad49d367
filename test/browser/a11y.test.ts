// Every page of the built site, once it has settled, at a phone and a desktop width: no serious or critical
// axe-core violation in the light or the dark theme, and a layout that fits the width. The page list comes from
// dist/, so a new page is checked without editing this file.
import {axeFindings, failingFindings} from "./axe.js";
import {checkPage, sitePages, test} from "./harness.js";
import {layoutProblems, waitUntilSettled} from "./layout.js";

/** A common phone's CSS width (iPhone 12–15), then a common laptop's. */
const WIDTHS = [390, 1280] as const;
const THEMES = ["light", "dark"] as const;
/** The problem page trains its default run at load (about a minute on 2 busy cores) before it settles. */
const SETTLE_TIMEOUT_MS = 150_000;
/**
 * Remedy pages whose default live comparison runs for minutes (to pass the remedy's plateau) are checked after a
 * short one: the same cards and charts, settled within the timeout.
 */
const SHORT_RUN: Record<string, string> = Object.fromEntries(
  ["/activations", "/optimizers", "/normalization", "/layerwise"].map((path) => [
    path,
    "?train=2000&epochs=2"
  ])
);

for (const path of sitePages()) {
  test(
    `${path} is accessible in light and dark at ${WIDTHS.join(" and ")} px, and fits the width`,
    async (page) => {
      // One load, then the other width by resizing: the problem page's run is too slow to train twice, and the
      // charts re-render on resize as they do when a phone turns.
      await page.setViewportSize({width: WIDTHS[0], height: 800});
      await checkPage(page, `${path}${SHORT_RUN[path] ?? ""}`, {timeout: 60_000});
      await waitUntilSettled(page, SETTLE_TIMEOUT_MS);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        if (page.viewportSize()?.width !== width) {
          await page.setViewportSize({width, height: 800});
          await page.waitForTimeout(500); // Framework's resize() redraws charts on the next animation frame
        }
        for (const colorScheme of THEMES) {
          // Theme colours follow the media query at once; nothing else on the page depends on it.
          await page.emulateMedia({colorScheme});
          const findings = failingFindings(await axeFindings(page));
          problems.push(...findings.map((f) => `${width} px, ${colorScheme}: ${f}`));
        }
        problems.push(...(await layoutProblems(page)).map((p) => `${width} px: ${p}`));
      }
      if (problems.length)
        throw new Error(`${problems.length} problem(s) on ${path}:\n- ${problems.join("\n- ")}`);
    },
    {timeout: 60_000 + SETTLE_TIMEOUT_MS + 30_000}
  );
}
