// Keyboard helpers for browser tests: where the focus is, what can take it, and moving it with Tab alone.
import type {Page} from "playwright-core";

export interface TabStop {
  /** Position of the element in document order (its index among all elements). */
  order: number;
  /** A readable description: tag, classes and accessible-name hints. */
  name: string;
  /**
   * Whether a focus indicator can be seen: an outline (not "none", not zero wide) on the element where it is not
   * covered by something else, or else on one of its labels (a checkbox drawn under a panel shows it there).
   */
  ring: boolean;
}

/** The focused element as a TabStop, or null when nothing (the body) has focus. */
export async function focused(page: Page): Promise<TabStop | null> {
  // No named functions inside evaluate(): tsx wraps them in a __name() helper that the page lacks.
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const hint = el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? "";
    // The element itself, then its labels: the first one that is on top at its centre and has an outline.
    const ring = [el, ...((el as HTMLInputElement).labels ?? [])].some((candidate) => {
      const r = candidate.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const style = getComputedStyle(candidate);
      return (
        (top === null || candidate.contains(top)) &&
        style.outlineStyle !== "none" &&
        parseFloat(style.outlineWidth) > 0
      );
    });
    return {
      order: [...document.querySelectorAll("*")].indexOf(el),
      name: `${[el.tagName.toLowerCase(), ...el.classList].join(".")}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${hint}"`,
      ring
    };
  });
}

/** Document-order positions of every element a reader should reach with Tab: enabled, visible, tabindex ≥ 0. */
export async function tabbable(page: Page): Promise<{order: number; name: string}[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")]
      .filter(
        (el) =>
          el.tabIndex >= 0 &&
          !(el as HTMLButtonElement).disabled &&
          el.checkVisibility({checkVisibilityCSS: true}) &&
          el.getBoundingClientRect().width > 0
      )
      .map((el) => ({order: all.indexOf(el), name: [el.tagName.toLowerCase(), ...el.classList].join(".")}));
  });
}

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

/** Fails unless the focused element matches `selector` and is enabled (a disabled one ignores keys). */
export async function expectFocusedEnabled(page: Page, selector: string): Promise<void> {
  const state = await page.evaluate(
    (s) => ({
      matches: document.activeElement?.matches(s) ?? false,
      disabled: (document.activeElement as HTMLButtonElement | null)?.disabled ?? false,
      html: document.activeElement
        ? [document.activeElement.tagName.toLowerCase(), ...document.activeElement.classList].join(".")
        : "nothing"
    }),
    selector
  );
  if (!state.matches) throw new Error(`expected focus on ${selector}, it is on ${state.html}`);
  if (state.disabled) throw new Error(`${selector} has the focus but is disabled`);
}
