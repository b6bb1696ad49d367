// Command-line arguments of `npm run experiment`, parsed and checked before anything runs, so a typo costs a
// message and an exit code, never a half-finished set of runs.
import {LIMITS} from "../../src/engine/config.js";
import {PRESET_NAMES} from "../../src/engine/presets.js";
import type {TrainConfig} from "../../src/engine/types.js";
import {checkRunName, CustomConfigError, readCustomConfig} from "./custom-config.js";
import {GRID_USAGE, parseGridFlag, type GridArgs} from "./grid-args.js";

export const BACKENDS = ["wasm", "cpu"] as const;
export type NodeBackend = (typeof BACKENDS)[number];

export interface ExperimentArgs {
  presets: string[];
  /** Epochs (per stage for layer-wise presets); null keeps each preset's own. */
  epochs: number | null;
  trainSize: number | null;
  /** Init and data seed; null keeps each preset's own (42). */
  seed: number | null;
  backend: NodeBackend;
  jobs: number;
  out: string;
  skipExisting: boolean;
  /** A child process of --jobs: progress as JSON lines on stdout. */
  child: boolean;
  /** Re-run the start of the committed runs in --out (of the named presets, or all) and compare. */
  check: boolean;
  /** With --check: compare up to this step (default: the whole first epoch). */
  checkSteps: number | null;
  /** --config: one complete, validated config trained instead of presets. */
  config: TrainConfig | null;
  /** --name: the run's name with --config; null gives custom-<hash of the config>. */
  name: string | null;
  /** --grid: the trainability map's grid instead of presets (grid-args.ts). */
  grid: GridArgs | null;
}

export type Parsed = {kind: "run"; args: ExperimentArgs} | {kind: "help"} | {kind: "list"};

export class UsageError extends Error {}

export const USAGE = `Usage: npm run experiment -- <preset…|--all|--config CONFIG> [options]

Trains presets (the study's experiments and this project's variants) in Node with the engine the pages use,
and writes one JSON file per run to the output folder, only once the run is complete.

  <preset…>          one or more preset names (see --list)
  --all              every preset
  --config CONFIG    instead of presets: one complete config (the playground's export), as inline JSON or the
                     path of a .json file; checked like a page checks it. --epochs, --train-size and --seed
                     still apply, and snapshots are taken as often as for presets
  --name NAME        with --config: the run's name in its file name; default custom-<8 hex digits of the config>
  --epochs N         epochs per run (per stage for layer-wise presets), ${LIMITS.epochs.min}–${LIMITS.epochs.max}; default: the preset's (100)
  --train-size N     training images before the 10% validation split, 2–60000; default 60000
  --seed S           init and data-order seed, ${LIMITS.seed.min}–${LIMITS.seed.max}; default 42
  --backend B        ${BACKENDS.join(" or ")}; default wasm (cpu is ~25× slower; results agree to ~1e-6)
  --jobs N           runs in parallel, one process each, 1–16; default 1
  --out DIR          output folder; default data/runs
  --skip-existing    skip runs whose file already exists (resumes an interrupted set)
  --check            re-run the first epoch of every run in --out (or of the named presets' runs) and confirm
                     it reproduces the committed numbers; exits 1 naming the first difference
  --check-steps N    with --check: compare only up to step N (a quick check)
${GRID_USAGE}
  --list             one preset a line: its name, then what it is
  --help             this text

Files are named <preset>_s<seed>_e<epochs>[_n<train size>].json. Ctrl-C stops cleanly: finished runs are kept,
unfinished ones leave nothing behind.`;

function integer(flag: string, raw: string | undefined, min: number, max: number): number {
  const value = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${raw ?? "nothing"}`);
  }
  return value;
}

/** --config and --name failures are usage errors: a message and exit 2, nothing run. */
function customOption<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CustomConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export function parseArgs(argv: readonly string[]): Parsed {
  const args: ExperimentArgs = {
    presets: [],
    epochs: null,
    trainSize: null,
    seed: null,
    backend: "wasm",
    jobs: 1,
    out: "data/runs",
    skipExisting: false,
    child: false,
    check: false,
    checkSteps: null,
    config: null,
    name: null,
    grid: null
  };
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => argv[++i];
    switch (flag) {
      case "--help":
      case "-h":
        return {kind: "help"};
      case "--list":
        return {kind: "list"};
      case "--all":
        all = true;
        break;
      case "--epochs":
        args.epochs = integer(flag, value(), LIMITS.epochs.min, LIMITS.epochs.max);
        break;
      case "--train-size":
        args.trainSize = integer(flag, value(), 2, 60000);
        break;
      case "--seed":
        args.seed = integer(flag, value(), LIMITS.seed.min, LIMITS.seed.max);
        break;
      case "--backend": {
        const backend = value();
        if (!BACKENDS.includes(backend as NodeBackend)) {
          throw new UsageError(
            `--backend must be one of ${BACKENDS.join(", ")}, got ${backend ?? "nothing"}`
          );
        }
        args.backend = backend as NodeBackend;
        break;
      }
      case "--jobs":
        args.jobs = integer(flag, value(), 1, 16);
        break;
      case "--out": {
        const out = value();
        if (!out) throw new UsageError("--out needs a folder");
        args.out = out;
        break;
      }
      case "--skip-existing":
        args.skipExisting = true;
        break;
      case "--child":
        args.child = true;
        break;
      case "--check":
        args.check = true;
        break;
      case "--check-steps":
        args.checkSteps = integer(flag, value(), 1, 100000);
        break;
      case "--config":
        if (args.config) throw new UsageError("--config may be given once (one config a command)");
        args.config = customOption(() => readCustomConfig(value()));
        break;
      case "--name":
        args.name = customOption(() => checkRunName(value()));
        break;
      default:
        if (flag.startsWith("--grid")) {
          try {
            args.grid = parseGridFlag(args.grid, flag, value);
          } catch (error) {
            throw new UsageError((error as Error).message);
          }
          break;
        }
        if (flag.startsWith("-")) throw new UsageError(`unknown option ${flag} (see --help)`);
        if (!PRESET_NAMES.includes(flag)) {
          throw new UsageError(`unknown preset ${flag}; the presets are: ${PRESET_NAMES.join(", ")}`);
        }
        if (!args.presets.includes(flag)) args.presets.push(flag);
    }
  }
  if (all) args.presets = [...PRESET_NAMES];
  if (args.config && (args.presets.length > 0 || args.check)) {
    throw new UsageError("--config trains one config: name no presets, --all or --check with it");
  }
  if (args.name && !args.config) throw new UsageError("--name goes with --config");
  // A grid's cells have their own length and data (--grid-steps, grid-args.ts) and train one after another.
  const unused = args.grid && [
    ...(args.epochs !== null ? ["--epochs"] : []),
    ...(args.trainSize !== null ? ["--train-size"] : []),
    ...(args.jobs !== 1 ? ["--jobs"] : [])
  ];
  if (unused && unused.length > 0)
    throw new UsageError(
      `--grid does not take ${unused.join(", ")}: its cells set their own steps (--grid-steps)`
    );
  if (args.grid && (args.presets.length > 0 || args.check || args.config))
    throw new UsageError(
      "--grid trains the trainability grid only: name no preset, no --config and no --check"
    );
  if (args.presets.length === 0 && !args.check && !args.config && !args.grid) {
    throw new UsageError("name at least one preset, or --all (see --list)");
  }
  return {kind: "run", args};
}
