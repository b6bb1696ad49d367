// The study's baseline, trained to the end in Node by `npm run prerun` and committed under data/results/, so
// the problem page shows the full 100-epoch failure before a reader trains anything. Older record formats are
// upgraded here, so the page always receives the current one.
import {readFileSync} from "node:fs";
import {loadRunRecord} from "../../data/results.js";

const file = new URL("../../data/results/baseline.json", import.meta.url);
try {
  process.stdout.write(JSON.stringify(loadRunRecord(JSON.parse(readFileSync(file, "utf8")))));
} catch (error) {
  process.stderr.write(
    `baseline-run.json: cannot read data/results/baseline.json (${(error as Error).message}). ` +
      "It is committed with the repository; regenerate it with `npm run prerun` (about 8 minutes).\n"
  );
  process.exit(1);
}
