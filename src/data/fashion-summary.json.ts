// Framework data loader: the dataset summary (class balance, mean image per class, sample grid) as JSON.
// Same source and shuffle as fashion.tar.ts, so the sample indices point into the shipped train order.

import {runLoader} from "../../data/cli.js";
import {loadFashionSplits} from "../../data/source.js";
import {summarize} from "../../data/summary.js";

await runLoader("fashion-summary.json", () => `${JSON.stringify(summarize(loadFashionSplits()))}\n`);
