// Checks of a page as it is laid out: settled, and fitting its viewport (the narrow-screen part of issue 5).
import type {Page} from "playwright-core";

/**
 * Waits until no element has been aria-busy="true" for `quietMs`. Pages mark what is still changing that way
 * (the problem page's progress bar while images load, a run trains or its automatic start is due); the quiet
 * period bridges the frame between one busy state ending and the next beginning.
 */
export async function waitUntilSettled(page: Page, timeout: number, quietMs = 1000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const w = window as unknown as {busySince?: number};
      if (document.querySelector('[aria-busy="true"]')) w.busySince = performance.now();
      return performance.now() - (w.busySince ?? -Infinity) > quiet;
    },
    quietMs,
    {timeout, polling: 100}
  );
}

/**
 * What makes the page wider than its viewport, or squeezes its content: one line per problem, empty if none.
 * - the page itself must not scroll sideways;
 * - every chart (svg[role=img]) is laid out at its container's width, neither overflowing nor left small;
 * - every table sits in a horizontally scrolling box that fits the viewport, so a wide table scrolls inside
 *   its card rather than the page.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  // Measured in the page, judged here. No named functions inside evaluate(): tsx wraps them in a __name()
  // helper that does not exist in the page.
  const m = await page.evaluate(() => {
    const root = document.scrollingElement!;
    const viewport = root.clientWidth;
    return {
      viewport,
      scrollWidth: root.scrollWidth,
      wide: [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
        .map((el) => [el.tagName.toLowerCase(), ...el.classList].join(".")),
      charts: [...document.querySelectorAll("svg[role=img]")].map((svg) => {
        const style = getComputedStyle(svg.parentElement!);
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        return {
          label: svg.getAttribute("aria-label") ?? "",
          width: svg.getBoundingClientRect().width,
          inner: svg.parentElement!.clientWidth - padding
        };
      }),
      tables: [...document.querySelectorAll("main table")].map((table) => {
        let box = table.parentElement;
        while (box && box !== document.body && !/auto|scroll/.test(getComputedStyle(box).overflowX))
          box = box.parentElement;
        const scrolls = box !== null && box !== document.body;
        const name = [table.tagName.toLowerCase(), ...table.classList].join(".");
        return {table: name, scrolls, right: scrolls ? box!.getBoundingClientRect().right : Infinity};
      })
    };
  });
  const problems: string[] = [];
  if (m.scrollWidth > m.viewport)
    problems.push(
      `page scrolls sideways: ${m.scrollWidth} px in ${m.viewport} px (${m.wide.slice(0, 3).join(", ")})`
    );
  for (const {label, width, inner} of m.charts)
    if (Math.abs(width - inner) > 2)
      problems.push(`chart "${label.slice(0, 60)}…" is ${width} px wide in a ${inner} px container`);
  for (const {table, scrolls, right} of m.tables) {
    if (!scrolls) problems.push(`${table} is not inside a horizontally scrolling box`);
    else if (right > m.viewport + 0.5)
      problems.push(`the scrolling box of ${table} reaches past the viewport`);
  }
  return problems;
}
