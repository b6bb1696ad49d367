// A table whose columns sort by mouse and keyboard alike: each header holds a real <button> (Tab reaches it,
// Enter and Space press it) and the sorted column carries aria-sort, which screen readers announce. Rows are
// created once and only reordered, so a sort keeps the focus on the header just pressed.
import * as d3 from "d3";

export type SortDirection = "ascending" | "descending";

export interface SortableColumn<R> {
  key: keyof R & string;
  label: string;
  /** Cell text; by default the value itself, "–" for null. */
  format?: (value: R[keyof R], row: R) => string;
  /** Right-aligned in tabular figures. */
  numeric?: boolean;
  /** Long text wraps, no narrower than this CSS width (a scroll region otherwise keeps rows on one line). */
  wrap?: string;
  /** Cells of this column are row headers (th scope=row): what a screen reader names each row by. */
  rowHeader?: boolean;
}

export interface SortableTableOptions<R> {
  caption: string;
  columns: readonly SortableColumn<R>[];
  /** The initial order; rows keep their given order when absent. */
  sort?: {key: keyof R & string; direction: SortDirection};
}

/** Orders values with null, undefined and NaN last whatever the direction: "no result" is never the best. */
export function compareValues(a: unknown, b: unknown, direction: SortDirection): number {
  const missing = (v: unknown) => v == null || (typeof v === "number" && Number.isNaN(v));
  if (missing(a) || missing(b)) return Number(missing(a)) - Number(missing(b));
  const order =
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en");
  return direction === "ascending" ? order : -order;
}

const ARROWS: Record<SortDirection | "none", string> = {ascending: "▲", descending: "▼", none: "↕"};

export function sortableTable<R extends object>(
  rows: readonly R[],
  {caption, columns, sort}: SortableTableOptions<R>
): HTMLTableElement {
  const table = d3.create("table").attr("class", "sortable-table");
  table.append("caption").text(caption);
  const headers = table
    .append("thead")
    .append("tr")
    .selectAll("th")
    .data(columns)
    .join("th")
    .attr("scope", "col")
    .style("text-align", (c) => (c.numeric ? "right" : null));
  const buttons = headers
    .append("button")
    .attr("type", "button")
    .attr("class", "sort")
    .style("font", "inherit")
    .style("font-weight", "bold")
    .style("color", "inherit")
    .style("background", "none")
    .style("border", "none")
    .style("padding", "0")
    .style("cursor", "pointer")
    .style("text-align", "inherit");
  buttons
    .append("span")
    .attr("class", "label")
    .text((c) => c.label);
  // The arrow is decoration: the state is spoken through aria-sort on the header.
  buttons.append("span").attr("class", "arrow").attr("aria-hidden", "true").style("margin-left", "0.25em");

  const body = table.append("tbody");
  const trs = body
    .selectAll("tr")
    .data(rows.map((row, index) => ({row, index})))
    .join("tr");
  trs
    .selectAll("td, th")
    .data(({row}) => columns.map((column) => ({column, row})))
    .join((enter) => enter.append(({column}) => document.createElement(column.rowHeader ? "th" : "td")))
    .attr("scope", ({column}) => (column.rowHeader ? "row" : null))
    .style("text-align", ({column}) => (column.numeric ? "right" : "left"))
    .style("font-variant-numeric", ({column}) => (column.numeric ? "tabular-nums" : null))
    .style("white-space", ({column}) => (column.wrap ? "normal" : null))
    .style("min-width", ({column}) => column.wrap ?? null)
    .style("font-weight", ({column}) => (column.rowHeader ? "normal" : null))
    .text(({column, row}) => {
      const value = row[column.key];
      return column.format ? column.format(value, row) : value == null ? "–" : String(value);
    });

  let state: {key: string; direction: SortDirection} | null = sort ?? null;
  const render = () => {
    headers.attr("aria-sort", (c) => (state?.key === c.key ? state.direction : null));
    buttons.select(".arrow").text((c) => ARROWS[state?.key === c.key ? state.direction : "none"]);
    if (!state) return;
    const {key, direction} = state;
    // Ties keep the given order, so sorting is predictable.
    trs.sort(
      (a, b) => compareValues(a.row[key as keyof R], b.row[key as keyof R], direction) || a.index - b.index
    );
  };
  buttons.on("click", (_event, column) => {
    const direction =
      state?.key === column.key && state.direction === "ascending" ? "descending" : "ascending";
    state = {key: column.key, direction};
    render();
  });
  render();
  return table.node()!;
}
