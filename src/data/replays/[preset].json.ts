// Framework data loader, one file per preset (data/replays/init-std-1.json, …): the replay of that preset's
// reference run (data/replay.ts). A remedy page loads its remedy's and the baseline's, never the raw runs.
import {parseArgs} from "node:util";
import {fileURLToPath} from "node:url";
import {runLoader} from "../../../data/cli.js";
import {readReplay} from "../../../data/replay.js";

const {values} = parseArgs({options: {preset: {type: "string"}}});
const dir = fileURLToPath(new URL("../../../data/runs/", import.meta.url));

await runLoader(`replays/${values.preset}.json`, () => {
  if (!values.preset) throw new Error("no --preset given");
  return `${JSON.stringify(readReplay(dir, values.preset))}\n`;
});
