// The same run on every backend the training worker can start gives the same numbers, to float32 precision.
// The test drives the built worker directly (its run-protocol messages), in a browser launched with WebGPU
// enabled (SwiftShader here: correct, not fast), and compares each backend's losses with the cpu backend's.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {launchBrowser} from "./browser.js";
import {DIST_DIR, TRAINING_TIMEOUT_MS, test} from "./harness.js";

const BACKENDS = ["cpu", "wasm", "webgl", "webgpu"] as const;
/** Relative agreement of losses between backends: float32 sums in a different order. */
const LOSS_TOLERANCE = 1e-5;

/** The built file under `dir` whose name starts with `prefix` (Framework adds a content hash). */
function built(dir: string, prefix: string): string {
  const name = readdirSync(join(DIST_DIR, dir)).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no ${prefix}* in dist/${dir}: build the site first`);
  return `/${dir}/${name}`;
}

interface Outcome {
  status: string;
  message: string | null;
  losses: number[];
}

test(
  "one run gives the same losses on cpu, wasm, webgl and webgpu in the training worker",
  async (_page, t) => {
    // Its own browser: WebGPU needs a flag the other tests do without (it changes which backends get measured).
    const manifestPath = built("_file/data/fashion", "manifest.");
    const manifest = JSON.parse(readFileSync(join(DIST_DIR, manifestPath), "utf8"));
    const urls = Object.fromEntries(
      manifest.files.map((f: {name: string}) => {
        const [stem] = f.name.split(".");
        return [f.name, t.url(built("_file/data/fashion", `${stem}.bin.`))];
      })
    );
    const worker = t.url(built("_import/lib", "training-worker."));
    const config = {
      ...JSON.parse(readFileSync(join(DIST_DIR, built("_file/data", "baseline-run.")), "utf8")).config,
      depth: 3,
      width: 32,
      trainSize: 1000,
      batchSize: 100,
      epochs: 1,
      snapshotEvery: 3
    };
    const browser = await launchBrowser(["--enable-unsafe-webgpu"]);
    try {
      const page = await browser.context.newPage();
      await page.goto(t.url("/"));
      const outcomes: Record<string, Outcome> = {};
      for (const backend of BACKENDS) {
        // No named functions in evaluate(): tsx would wrap them in a helper the page does not have.
        outcomes[backend] = await page.evaluate(
          ({worker, manifest, urls, config, backend}) =>
            new Promise<Outcome>((resolve) => {
              const w = new Worker(worker, {type: "module"});
              const snapshots: {
                train: {loss: number};
                validation: {loss: number} | null;
                test: {loss: number} | null;
              }[] = [];
              w.onerror = (e) => resolve({status: "failed", message: e.message, losses: []});
              w.onmessage = ({data}) => {
                if (data.type === "run" || data.type === "end") snapshots.push(...data.snapshots);
                if (data.type !== "end") return;
                w.terminate();
                const losses = snapshots.flatMap((s) => [s.train.loss, s.validation?.loss, s.test?.loss]);
                resolve({
                  status: data.progress.status,
                  message: data.progress.message,
                  losses: losses.filter((x): x is number => x !== undefined)
                });
              };
              w.postMessage({type: "init", manifest, urls});
              w.postMessage({type: "start", id: 1, config, backend});
            }),
          {worker, manifest, urls, config, backend}
        );
      }
      const reference = outcomes.cpu!;
      const problems: string[] = [];
      for (const backend of BACKENDS) {
        const {status, message, losses} = outcomes[backend]!;
        if (status !== "done") problems.push(`${backend}: ${status} ${message ?? ""}`);
        else if (losses.length !== reference.losses.length || losses.length < 5)
          problems.push(`${backend}: ${losses.length} losses, cpu ${reference.losses.length}`);
        else {
          const worst = Math.max(
            ...losses.map((x, i) => Math.abs(x - reference.losses[i]!) / Math.abs(reference.losses[i]!))
          );
          if (!(worst <= LOSS_TOLERANCE))
            problems.push(`${backend}: losses differ from cpu by ${worst.toExponential(2)} (relative)`);
        }
      }
      if (problems.length) throw new Error(problems.join("\n"));
    } finally {
      await browser.close();
    }
  },
  // WebGL and WebGPU compile their shaders on the CPU here (SwiftShader): most of the time goes there.
  {timeout: 2.5 * TRAINING_TIMEOUT_MS}
);
