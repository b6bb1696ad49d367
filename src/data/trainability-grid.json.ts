// Framework data loader: the trainability grid computed in Node (`npm run experiment -- --grid`, written to
// data/grids/default.json), checked field by field so a malformed file fails the build with its reason. Until
// one is committed the page receives null and says so.
import {existsSync, readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {runLoader} from "../../data/cli.js";
import {validateGrid} from "../lib/trainability-record.js";

const file = fileURLToPath(new URL("../../data/grids/default.json", import.meta.url));

await runLoader("trainability-grid.json", () =>
  existsSync(file) ? JSON.stringify(validateGrid(JSON.parse(readFileSync(file, "utf8")))) : "null"
);
