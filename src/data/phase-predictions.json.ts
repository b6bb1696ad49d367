// Framework data loader: the theory page's phase diagram for every activation of the engine's registry, from
// mean-field theory (src/lib/phase-diagram.ts): the predicted first-over-last gradient ratio over init scale ×
// depth, the critical scales, ξ and the prediction at each measured point. ~10 s of arithmetic, done once here
// rather than in the reader's browser.
import {runLoader} from "../../data/cli.js";
import {ACTIVATIONS} from "../engine/activations.js";
import {kindsOf} from "../engine/options.js";
import {phasePredictions} from "../lib/phase-diagram.js";

await runLoader(
  "phase-predictions.json",
  () => `${JSON.stringify(phasePredictions(kindsOf(ACTIVATIONS)))}\n`
);
