// `npm run experiment -- --config <JSON | file.json> [--name NAME]`: an arbitrary, complete TrainConfig (the
// playground's export) instead of presets. The config is checked by the engine's own validation, so a bad one
// costs the same clear message a page shows, and nothing runs.
import {readFileSync} from "node:fs";
import {ConfigError, validateConfig} from "../../src/engine/config.js";
import {PRESET_NAMES} from "../../src/engine/presets.js";
import type {TrainConfig} from "../../src/engine/types.js";

/** Thrown for a --config or --name the command cannot use; the CLI prints it and exits 2. */
export class CustomConfigError extends Error {}

/** A run name: letters, digits, dots and dashes (no "_", which separates the file name's parts). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/;

/**
 * The config named by `raw`: inline JSON when it starts with "{", otherwise the path of a .json file.
 * Throws a CustomConfigError naming what is wrong: an unreadable file, malformed JSON, or the engine's
 * ConfigError (the field and its allowed range).
 */
export function readCustomConfig(raw: string | undefined): TrainConfig {
  if (raw === undefined || raw.trim() === "") {
    throw new CustomConfigError("--config needs a config: inline JSON or the path of a .json file");
  }
  const inline = raw.trimStart().startsWith("{");
  let text = raw;
  if (!inline) {
    try {
      text = readFileSync(raw, "utf8");
    } catch (error) {
      throw new CustomConfigError(`--config: cannot read ${raw}: ${(error as Error).message}`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = inline ? "the inline config" : raw;
    throw new CustomConfigError(`--config: ${where} is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CustomConfigError("--config: expected a JSON object (a complete TrainConfig)");
  }
  try {
    return validateConfig(value as TrainConfig);
  } catch (error) {
    if (error instanceof ConfigError) throw new CustomConfigError(`--config: ${error.message}`);
    // A missing nested object makes validation read a property of undefined: still a bad config.
    if (error instanceof TypeError)
      throw new CustomConfigError(`--config: incomplete config (${error.message})`);
    throw error;
  }
}

export function checkRunName(raw: string | undefined): string {
  if (raw === undefined || !NAME.test(raw)) {
    throw new CustomConfigError(
      `--name must be 1–64 letters, digits, "." or "-" (starting with a letter or digit), got ${raw ?? "nothing"}`
    );
  }
  if (PRESET_NAMES.includes(raw)) {
    throw new CustomConfigError(`--name ${raw} is a preset's name; pick another so the runs stay apart`);
  }
  return raw;
}

/** JSON with object keys sorted at every level: the same config gives the same text however it was written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** 32-bit FNV-1a of the canonical JSON, as 8 hex digits: a stable short name for a config. */
export function configHash(config: TrainConfig): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(canonicalJson(config))) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The default run name of a config: custom-<8 hex digits>. */
export const customName = (config: TrainConfig): string => `custom-${configHash(config)}`;
