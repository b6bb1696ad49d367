// Framework data loader: the explorer's fixed batch, the first EXPLORER_BATCH images of the shuffled FashionMNIST
// test split, in the shards' layout (data/shards.ts: labels, then pixels) and gzipped: about 50 kB, so the
// index page can look at a fresh network without fetching the 26 MB training set.
import {runLoader} from "../../data/cli.js";
import {encodeShard, gzip, sliceDataset} from "../../data/shards.js";
import {loadFashionSplits} from "../../data/source.js";

/** Enough images for stable per-layer norms, few enough for one pass to be instant. */
const EXPLORER_BATCH = 128;

await runLoader("explorer-batch.bin", () =>
  gzip(encodeShard(sliceDataset(loadFashionSplits().test, 0, EXPLORER_BATCH)))
);
