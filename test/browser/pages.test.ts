// Every page of the built site loads cleanly in light and dark, with a screenshot of each.
import {TRAINING_TIMEOUT_MS, checkPage, pageName, screenshot, sitePages, test} from "./harness.js";

for (const path of sitePages()) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(
      `${path} loads cleanly (${colorScheme})`,
      async (page) => {
        await page.emulateMedia({colorScheme});
        await checkPage(page, path, {timeout: TRAINING_TIMEOUT_MS - 15_000});
        await screenshot(page, `${pageName(path)}-${colorScheme}`);
      },
      {timeout: TRAINING_TIMEOUT_MS}
    );
  }
}
