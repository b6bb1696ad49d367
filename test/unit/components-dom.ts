// A jsdom document installed as the global `document`, which d3.create uses to make elements.
// Importing this module is enough; each test file runs in its own process, so nothing leaks.
import {JSDOM} from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.document = dom.window.document;

/** All elements matching `selector`, as an array. */
export function all(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

/** The element matching `selector`; fails the test when there is none. */
export function one(root: Element, selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

/** A numeric attribute (NaN when absent). */
export function num(el: Element, name: string): number {
  return Number(el.getAttribute(name) ?? NaN);
}

/** The [x, y] of a `translate(x,y)` transform ([0, 0] when there is none). */
export function translation(el: Element): [number, number] {
  const match = /translate\(([^,)]+),?([^)]*)\)/.exec(el.getAttribute("transform") ?? "");
  return match ? [Number(match[1]), Number(match[2] || 0)] : [0, 0];
}

/** Texts of the matching elements, in document order. */
export function texts(root: Element, selector: string): string[] {
  return all(root, selector).map((el) => el.textContent ?? "");
}

/** Each bar's height (base − top) in the one path of rectangles barsPath draws, matched by `selector`. */
export function barHeights(root: Element, selector = "path.bars"): number[] {
  const d = one(root, selector).getAttribute("d") ?? "";
  return [...d.matchAll(/M[^,]+,([^V]+)V([^H]+)H[^V]+V[^Z]+Z/g)].map(
    ([, base, top]) => Number(base) - Number(top)
  );
}
