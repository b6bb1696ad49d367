import assert from "node:assert/strict";
import {describe, it} from "node:test";
import {CLASS_NAMES, formatDropped, isKnownClass, rowProblem} from "../../data/validate.js";
import {fakeImage} from "./data-fixtures.js";

describe("rowProblem (validation of one JSON image row)", () => {
  it("accepts 784 integers in 0..255", () => {
    assert.equal(rowProblem(fakeImage(0)), null);
    assert.equal(rowProblem(new Array(784).fill(255)), null);
  });

  it("rejects an empty row, as found twice in the package's class 0", () => {
    assert.match(rowProblem([]) ?? "", /has 0 values, expected 784/);
  });

  it("rejects a row of 783 and of 785 values", () => {
    assert.match(rowProblem(fakeImage(0).slice(1)) ?? "", /has 783 values/);
    assert.match(rowProblem([...fakeImage(0), 0]) ?? "", /has 785 values/);
  });

  it("rejects 256, −1, a non-integer, a string and null, naming the pixel", () => {
    const withValue = (value: unknown) => fakeImage(0).map((v, p) => (p === 7 ? value : v));
    assert.match(rowProblem(withValue(256)) ?? "", /value 256 at pixel 7 is not an integer in 0\.\.255/);
    assert.match(rowProblem(withValue(-1)) ?? "", /value -1 at pixel 7/);
    assert.match(rowProblem(withValue(1.5)) ?? "", /value 1\.5 at pixel 7/);
    assert.match(rowProblem(withValue("3")) ?? "", /value "3" at pixel 7/);
    assert.match(rowProblem(withValue(null)) ?? "", /value null at pixel 7/);
  });

  it("rejects values that are not arrays", () => {
    assert.match(rowProblem(null) ?? "", /not an array \(null\)/);
    assert.match(rowProblem({length: 784}) ?? "", /not an array \(object\)/);
  });
});

describe("classes", () => {
  it("knows exactly the ten FashionMNIST classes, in label order", () => {
    assert.deepEqual(CLASS_NAMES, [
      "T-shirt/top",
      "Trouser",
      "Pullover",
      "Dress",
      "Coat",
      "Sandal",
      "Shirt",
      "Sneaker",
      "Bag",
      "Ankle boot"
    ]);
    assert.equal(isKnownClass(0), true);
    assert.equal(isKnownClass(9), true);
    assert.equal(isKnownClass(10), false);
    assert.equal(isKnownClass(-1), false);
    assert.equal(isKnownClass(2.5), false);
  });
});

describe("formatDropped (the build log's report)", () => {
  it("names the source, class and row of every dropped row, and the total", () => {
    const text = formatDropped([
      {source: "clothes/0.json", label: 0, index: 1000, reason: "has 0 values, expected 784"},
      {source: "clothes/0.json", label: 0, index: 7001, reason: "has 0 values, expected 784"}
    ]);
    assert.match(text, /dropped 2 invalid row/);
    assert.match(text, /clothes\/0\.json class 0 row 1000: has 0 values/);
    assert.match(text, /clothes\/0\.json class 0 row 7001/);
  });

  it("says so when nothing was dropped", () => {
    assert.match(formatDropped([]), /no invalid rows dropped/);
  });
});
