// The playground's "run it in Node" export: the `npm run experiment` command line that trains a config with the
// same engine (scripts/experiment/custom-config.ts reads it), ready to paste into a POSIX shell.
import type {TrainConfig} from "../engine/types.js";

/** A single-quoted shell word: everything literal, a ' written as '\'' (close, escaped quote, reopen). */
export const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** `npm run experiment -- --config '<json>' [--name NAME] --backend cpu|wasm`, for the config as given. */
export function experimentCommand(
  config: TrainConfig,
  options: {name?: string; backend?: "wasm" | "cpu"} = {}
): string {
  const words = ["npm", "run", "experiment", "--", "--config", shellQuote(JSON.stringify(config))];
  if (options.name) words.push("--name", shellQuote(options.name));
  if (options.backend) words.push("--backend", options.backend);
  return words.join(" ");
}
