// Framework data loader: FashionMNIST as a tar of data/fashion/manifest.json, train-0..5.bin.gz (10,000
// shuffled training images each) and test.bin.gz. Layout and validation: data/shards.ts, data/source.ts.
// Pages reference members literally, e.g. FileAttachment("data/fashion/train-0.bin.gz").

import {runLoader} from "../../data/cli.js";
import {buildFashionFiles} from "../../data/shards.js";
import {loadFashionSplits} from "../../data/source.js";
import {tarArchive} from "../../data/tar.js";

await runLoader("fashion.tar", () => {
  const {manifest, files} = buildFashionFiles(loadFashionSplits());
  const json = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return tarArchive([
    {name: "manifest.json", data: json},
    ...files.map((f) => ({name: f.name, data: f.bytes}))
  ]);
});
