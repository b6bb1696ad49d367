// The per-layer numbers behind the charts, as a plain table: the charts' text alternative, and the numbers
// readers quote ("the first layer's gradient is 10⁵ times smaller than the output's").
import * as d3 from "d3";
import type {Snapshot} from "../src/engine/types.js";
import {sci} from "./common.js";

export interface LayerTableOptions {
  /** The step-0 snapshot, for the "at initialisation" column. */
  initial?: Snapshot | null;
}

const percent = d3.format(".1%");
const number = (x: number | undefined) => (x === undefined ? "–" : Number.isFinite(x) ? sci(x) : String(x));

export function layerTable(
  snapshot: Snapshot | null | undefined,
  {initial}: LayerTableOptions = {}
): HTMLTableElement {
  const table = d3.create("table").attr("class", "layer-table");
  const step = snapshot?.step ?? 0;
  table
    .append("caption")
    .text(
      snapshot ? `Per-layer probes at step ${step}, output layer first.` : "Per-layer probes: no data yet."
    );
  const headers = [
    "layer",
    "‖∇W‖ at step 0",
    `‖∇W‖ at step ${step}`,
    "output ÷ layer",
    "‖W−W₀‖/‖W₀‖",
    "saturated"
  ];
  table
    .append("thead")
    .append("tr")
    .selectAll("th")
    .data(headers)
    .join("th")
    .attr("scope", "col")
    .text((d) => d);
  const layers = snapshot?.layers ?? [];
  const output = layers.at(-1)?.gradNorm;
  const rows = layers
    .map((layer, i) => [
      layer.name,
      number(initial?.layers[i]?.gradNorm),
      number(layer.gradNorm),
      output !== undefined && layer.gradNorm > 0 ? `${sci(output / layer.gradNorm)}×` : "–",
      number(layer.relativeChange),
      layer.activation ? percent(layer.activation.saturation) : "–"
    ])
    .reverse();
  table
    .append("tbody")
    .selectAll("tr")
    .data(rows)
    .join("tr")
    .selectAll("td")
    .data((row) => row)
    .join("td")
    .text((d) => d);
  return table.node()!;
}
