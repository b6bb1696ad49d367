// The dataset summary a page shows before any training: class balance per split, the mean image of each
// class, and a grid of sample images. Computed at build time with arquero so the page ships ~0.3 MB of JSON
// instead of recomputing it from 47 MB of pixels.

import * as aq from "arquero";
import type {DatasetBuffers} from "../src/engine/types.js";
import type {FashionManifest} from "../src/lib/fashion-data.js";
import type {FashionSplits} from "./source.js";
import {CLASS_NAMES, IMAGE_PIXELS} from "./validate.js";

export const SAMPLES_PER_CLASS = 8;

export interface FashionSummary {
  formatVersion: 1;
  source: FashionManifest["source"];
  classNames: string[];
  /** One row per split and class. */
  balance: {split: "train" | "test"; label: number; className: string; count: number}[];
  /** Per class, the mean of each of the 784 pixels over the train split (0..255, 3 decimals). */
  meanImages: {split: "train"; images: {label: number; className: string; count: number; pixels: number[]}[]};
  /** Per class, the first SAMPLES_PER_CLASS train images in the (seeded, shuffled) train order. */
  samples: {
    split: "train";
    perClass: number;
    classes: {label: number; className: string; images: {index: number; pixels: number[]}[]}[];
  };
}

export function summarize(splits: FashionSplits, perClass = SAMPLES_PER_CLASS): FashionSummary {
  const classNames = [...CLASS_NAMES];
  const className = (label: number) => classNames[label] ?? `class ${label}`;

  const splitNames = [
    ...Array<string>(splits.train.count).fill("train"),
    ...Array<string>(splits.test.count).fill("test")
  ];
  const balance = aq
    .table({split: splitNames, label: [...splits.train.labels, ...splits.test.labels]})
    .groupby("split", "label")
    .count({as: "count"})
    .orderby(aq.desc("split"), "label")
    .objects()
    .map((row) => {
      const {split, label, count} = row as {split: "train" | "test"; label: number; count: number};
      return {split, label, className: className(label), count};
    });

  // One column per pixel (p0..p783) so a single grouped rollup averages every pixel of every class.
  const pixelNames = Array.from({length: IMAGE_PIXELS}, (_, p) => `p${p}`);
  const means = aq
    .table({label: splits.train.labels, ...pixelColumns(splits.train, pixelNames)})
    .groupby("label")
    .rollup({count: aq.op.count(), ...Object.fromEntries(pixelNames.map((name) => [name, aq.op.mean(name)]))})
    .orderby("label")
    .objects()
    .map((row) => {
      const r = row as Record<string, number>;
      const label = r.label ?? 0;
      const pixels = pixelNames.map((name) => Math.round((r[name] ?? 0) * 1000) / 1000);
      return {label, className: className(label), count: r.count ?? 0, pixels};
    });

  const picked = aq
    .table({index: Uint32Array.from({length: splits.train.count}, (_, i) => i), label: splits.train.labels})
    .params({perClass})
    .groupby("label")
    .filter((_d: unknown, $: {perClass: number}) => aq.op.row_number() <= $.perClass)
    .ungroup()
    .orderby("label", "index")
    .objects() as {index: number; label: number}[];
  const classes = classNames.map((name, label) => ({
    label,
    className: name,
    images: picked
      .filter((p) => p.label === label)
      .map(({index}) => ({index, pixels: Array.from(image(splits.train, index))}))
  }));

  return {
    formatVersion: 1,
    source: splits.source,
    classNames,
    balance,
    meanImages: {split: "train", images: means},
    samples: {split: "train", perClass, classes}
  };
}

/** Pixel p of every image as its own column (a strided copy of the row-major image bytes). */
function pixelColumns(data: DatasetBuffers, names: readonly string[]): Record<string, Uint8Array> {
  const columns: Record<string, Uint8Array> = {};
  names.forEach((name, p) => {
    const column = new Uint8Array(data.count);
    for (let i = 0; i < data.count; i++) column[i] = data.images[i * IMAGE_PIXELS + p] ?? 0;
    columns[name] = column;
  });
  return columns;
}

function image(data: DatasetBuffers, index: number): Uint8Array {
  return data.images.subarray(index * IMAGE_PIXELS, (index + 1) * IMAGE_PIXELS);
}
