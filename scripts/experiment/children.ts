// --jobs N: each run in its own Node process (TensorFlow.js backends are per process, and two processes use
// both cores), at most N at once. Children report progress as JSON lines; Ctrl-C reaches each child, which
// cancels its run and writes nothing, while finished runs stay on disk.
import {spawn, type ChildProcess} from "node:child_process";
import {createInterface} from "node:readline";
import {fileURLToPath} from "node:url";
import type {ExperimentArgs} from "./args.js";
import type {Reporter} from "./progress.js";
import type {RunPlan} from "./run-one.js";

const SCRIPT = fileURLToPath(new URL("../experiment.ts", import.meta.url));

/** The child's command line: one preset and the parent's options. */
export function childArgs(preset: string, args: ExperimentArgs): string[] {
  const out = ["--import", "tsx", SCRIPT, preset, "--child", "--backend", args.backend, "--out", args.out];
  if (args.epochs !== null) out.push("--epochs", String(args.epochs));
  if (args.trainSize !== null) out.push("--train-size", String(args.trainSize));
  if (args.seed !== null) out.push("--seed", String(args.seed));
  return out;
}

function runChild(plan: RunPlan, args: ExperimentArgs, reporter: Reporter, live: Set<ChildProcess>) {
  return new Promise<boolean>((resolve) => {
    const name = plan.preset.name;
    // detached: Ctrl-C on a terminal must not reach the children twice; the parent forwards it once.
    const child = spawn(process.execPath, childArgs(name, args), {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true
    });
    live.add(child);
    let ended = false;
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
    createInterface({input: child.stdout!}).on("line", (line) => {
      let message: {type: string; name?: string; progress?: never; text?: string};
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (message.type === "progress") reporter.progress(name, message.progress!);
      if (message.type === "end") {
        ended = true;
        reporter.end(name, message.text!);
      }
    });
    child.on("close", (code) => {
      live.delete(child);
      if (code !== 0 && !ended)
        reporter.end(name, `failed (exit ${code}): ${errors.trim().split("\n").at(-1) ?? ""}`);
      resolve(code === 0);
    });
  });
}

/** Runs the plans in child processes, `args.jobs` at a time. Returns how many did not finish (−1: interrupted). */
export async function runChildren(
  plans: RunPlan[],
  args: ExperimentArgs,
  reporter: Reporter
): Promise<number> {
  const live = new Set<ChildProcess>();
  let interrupted = false;
  process.on("SIGINT", () => {
    interrupted = true;
    for (const child of live) child.kill("SIGINT");
  });
  const queue = [...plans];
  let unfinished = 0;
  const worker = async () => {
    for (let plan = queue.shift(); plan; plan = queue.shift()) {
      if (interrupted) {
        reporter.end(plan.preset.name, "not started (interrupted)");
        unfinished++;
      } else if (!(await runChild(plan, args, reporter, live))) unfinished++;
    }
  };
  await Promise.all(Array.from({length: Math.min(args.jobs, plans.length)}, worker));
  return interrupted ? -1 : unfinished;
}
