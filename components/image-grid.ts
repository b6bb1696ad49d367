// Sample images of each class in a grid (one row per class), optionally led by the class's mean image, so
// readers see what the network is asked to tell apart.
import {FAINT, MUTED, frame, labelWidth} from "./common.js";
import {grayBitmapUrl} from "./gray-bitmap.js";

export interface ImageGridRow {
  className: string;
  /** 28×28 images as 784 numbers in 0..255 (row-major). */
  images: readonly (readonly number[])[];
  /** The class's mean image (same layout), drawn first and set apart. */
  mean?: readonly number[];
}

export interface ImageGridOptions {
  width: number;
  /** Image side in pixels of the SVG; by default as large as the width allows, at most 56. */
  cell?: number;
}

const SIDE = 28;

export function imageGrid(rows: readonly ImageGridRow[], {width, cell}: ImageGridOptions): SVGSVGElement {
  const left = labelWidth(rows.map((row) => row.className));
  const hasMean = rows.some((row) => row.mean);
  const columns = Math.max(1, ...rows.map((row) => row.images.length)) + (hasMean ? 1 : 0);
  const gap = 2;
  const meanGap = hasMean ? 10 : 0;
  const size = cell ?? Math.max(12, Math.min(56, Math.floor((width - left - meanGap) / columns) - gap));
  const top = hasMean ? 16 : 0;
  const height = top + rows.length * (size + gap);
  const counts = rows.map((row) => row.images.length).reduce((a, b) => a + b, 0);
  const svg = frame(
    width,
    height,
    `Sample images: ${counts} images of ${rows.length} classes, one row per class.`
  );
  if (hasMean) {
    svg.append("text").attr("x", left).attr("y", 11).attr("fill", MUTED).text("mean");
    svg
      .append("text")
      .attr("x", left + size + gap + meanGap)
      .attr("y", 11)
      .attr("fill", MUTED)
      .text("samples");
  }
  rows.forEach((row, r) => {
    const y = top + r * (size + gap);
    const g = svg.append("g").attr("transform", `translate(0,${y})`);
    g.append("text")
      .attr("x", left - 6)
      .attr("y", size / 2)
      .attr("text-anchor", "end")
      .attr("dominant-baseline", "middle")
      .text(row.className);
    const images = row.mean ? [row.mean, ...row.images] : row.images;
    images.forEach((pixels, c) => {
      const x = left + c * (size + gap) + (row.mean && c > 0 ? meanGap : 0);
      g.append("image")
        .attr("x", x)
        .attr("y", 0)
        .attr("width", size)
        .attr("height", size)
        .attr("preserveAspectRatio", "none")
        .attr("style", "image-rendering: pixelated")
        .attr("href", grayBitmapUrl(pixels, SIDE, SIDE));
      g.append("rect")
        .attr("x", x)
        .attr("width", size)
        .attr("height", size)
        .attr("fill", "none")
        .attr("stroke", FAINT);
    });
  });
  return svg.node()!;
}
