// Framework data loader: the reference runs of data/runs/ (`npm run experiment`, the study's full protocol)
// aggregated into one compact JSON for the comparison page (data/study-aggregate.ts). A malformed record fails
// the build with a message naming its file; a folder with no runs yet gives experiments marked "not yet run".
//
// For local development only, STUDY_RUNS_DIR reads another folder and STUDY_RUNS_EPOCHS accepts shorter runs
// (e.g. `STUDY_RUNS_DIR=/tmp/runs10 STUDY_RUNS_EPOCHS=10 npm run dev`); a deployed build sets neither.
import {fileURLToPath} from "node:url";
import {runLoader} from "../../data/cli.js";
import {STUDY_PROTOCOL, studyRuns} from "../../data/study-aggregate.js";

const dir = process.env.STUDY_RUNS_DIR || fileURLToPath(new URL("../../data/runs/", import.meta.url));
const epochsPerStage = Number(process.env.STUDY_RUNS_EPOCHS) || STUDY_PROTOCOL.epochsPerStage;

await runLoader(
  "study-runs.json",
  () => `${JSON.stringify(studyRuns(dir, {...STUDY_PROTOCOL, epochsPerStage}))}\n`
);
