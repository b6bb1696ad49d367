// A plain, static HTML table of records with a caption: what Inputs.table would show, without its
// selection checkboxes (unnamed inputs) and its sort-by-click headers (unreachable with the keyboard), which
// a table of a few fixed numbers does not need.
import * as d3 from "d3";

export interface DataTableOptions {
  /** Shown above the table and read first by screen readers: what the numbers are. */
  caption: string;
  /** Column keys in order; by default the keys of the first row. */
  columns?: readonly string[];
  /** Header text per key; by default the key itself. */
  headers?: Readonly<Record<string, string>>;
}

const integer = (x: number) => x.toLocaleString("en-US");

/** Numbers are right-aligned in tabular figures so their digits line up; other values are left as text. */
export function dataTable(
  rows: readonly Readonly<Record<string, unknown>>[],
  {caption, columns = Object.keys(rows[0] ?? {}), headers = {}}: DataTableOptions
): HTMLTableElement {
  const table = d3.create("table").attr("class", "data-table");
  table.append("caption").text(caption);
  table
    .append("thead")
    .append("tr")
    .selectAll("th")
    .data(columns)
    .join("th")
    .attr("scope", "col")
    .style("text-align", (key) => (typeof rows[0]?.[key] === "number" ? "right" : null))
    .text((key) => headers[key] ?? key);
  table
    .append("tbody")
    .selectAll("tr")
    .data(rows)
    .join("tr")
    .selectAll("td")
    .data((row) => columns.map((key) => row[key]))
    .join("td")
    .style("text-align", (value) => (typeof value === "number" ? "right" : null))
    .style("font-variant-numeric", (value) => (typeof value === "number" ? "tabular-nums" : null))
    .text((value) => (typeof value === "number" ? integer(value) : value == null ? "–" : String(value)));
  return table.node()!;
}
