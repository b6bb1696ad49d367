// A table wider than a phone scrolls inside its card instead of widening the page. The scrolling box follows
// the accessible-table pattern: a named region (the table's caption) that takes keyboard focus, so readers who
// cannot drag or use a trackpad scroll it with the arrow keys (axe: scrollable-region-focusable).

let regions = 0;

/** Wraps `table` in a horizontally scrolling, focusable region named by its caption. */
export function scrollRegion(table: HTMLTableElement): HTMLDivElement {
  const region = table.ownerDocument.createElement("div");
  region.className = "scroll-region";
  region.setAttribute("role", "region");
  region.tabIndex = 0;
  // A size container, so that the caption can be limited to the visible width (100cqi) below.
  region.style.cssText = "overflow-x: auto; max-width: 100%; container-type: inline-size;";
  // Numbers such as 6.4e-1 would otherwise break at the minus sign: the region scrolls instead.
  for (const body of table.tBodies) body.style.whiteSpace = "nowrap";
  const caption = table.caption;
  if (caption) {
    // A caption is as wide as its table: kept to the visible part and pinned left, it stays readable while the
    // numbers scroll under it.
    caption.style.cssText = "position: sticky; left: 0; max-width: 100cqi; text-align: left;";
    caption.id ||= `scroll-region-caption-${++regions}`;
    region.setAttribute("aria-labelledby", caption.id);
  } else {
    region.setAttribute("aria-label", "Table");
  }
  region.append(table);
  return region;
}
