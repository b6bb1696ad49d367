// The playground's whole state in its URL, so a link reproduces the runs exactly (seeds, data order, budget; the
// backend family through the page's own ?backend=). The encoding, readable and short:
//
//   ?configs=2&c1.act=relu&c1.init=normal&c1.init-std=0.05&c2.opt=adam&c2.opt-learningRate=0.0005
//
// `configs` is how many configurations train side by side (1 to MAX_RUNS; left out when 1). Configuration i's
// settings (playground-settings.ts) are `c<i>.<setting>`: depth, width, act, init, norm, opt, gnorm (each
// strategy's kind, a registry name) and `<family>-<option>` (an option of the chosen kind), skip and skip-k,
// lw, batch, epochs, train, val, seed, dseed, every. A setting at its default is left out. Any other parameter
// (?backend=, ?worker=) is kept as it is.
//
// Reading never fails: an unknown, malformed or out-of-range value, an option the chosen kind does not have, or a
// combination the engine refuses (the study's skips at depth 5) is dropped, its default kept, and a notice
// names the parameter. searchForConfigs then configsFromSearch gives back the same configs (unit-tested).
import {validateConfig} from "../engine/config.js";
import {checkNumber, ConfigError} from "../engine/options.js";
import type {TrainConfig} from "../engine/types.js";
import {FAMILIES, familyOptions, kindOption, optionDefault, optionKey} from "./playground-families.js";
import {CONFIG_CONTROLS} from "./playground-controls.js";
import {
  configFromSettings,
  DEFAULT_SETTINGS,
  settingsFromConfig,
  type Settings
} from "./playground-settings.js";
import {MAX_RUNS} from "./run-specs.js";
import {parseParams, type ParamSpec} from "./url-params.js";

const prefix = (index: number) => `c${index + 1}.`;
const COUNT: ParamSpec = {kind: "integer", min: 1, max: MAX_RUNS};
/** Settings read by their control's bounds: everything but the strategies' options (checked against the kind). */
const PLAIN_KEYS = Object.keys(CONFIG_CONTROLS).filter(
  (key) => !FAMILIES.some((f) => key.startsWith(`${f.key}-`))
);

/** The default of `key` in settings `s`: an option's depends on the kind chosen in `s`. */
function defaultOf(key: string, s: Settings): number | string | undefined {
  for (const family of FAMILIES)
    for (const [name] of familyOptions(family))
      if (key === optionKey(family, name)) return optionDefault(family, String(s[family.key]), name);
  return DEFAULT_SETTINGS[key];
}

/** `search` with `configs` written in (other parameters kept; ?autostart= dropped). */
export function searchForConfigs(configs: readonly TrainConfig[], search = ""): string {
  const query = new URLSearchParams(search);
  for (const key of [...query.keys()])
    if (/^c\d+\./.test(key) || key === "configs" || key === "autostart") query.delete(key);
  if (configs.length !== 1) query.set("configs", String(configs.length));
  configs.forEach((config, i) => {
    const settings = settingsFromConfig(config);
    for (const [key, value] of Object.entries(settings))
      if (value !== defaultOf(key, settings)) query.set(`${prefix(i)}${key}`, String(value));
  });
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The setting a validation error's field comes from: "optimizer.learningRate" → "opt-learningRate". */
export function settingOfField(field: string): string {
  const [head = "", option] = field.split(/[.[]/);
  const family = FAMILIES.find((f) => f.field === head);
  if (family) return option && option !== "kind" ? optionKey(family, option) : family.key;
  const plain: Record<string, string> = {
    skips: "skip",
    layerwise: "lw",
    batchSize: "batch",
    trainSize: "train",
    validationFraction: "val",
    snapshotEvery: "every",
    epochs: "epochs"
  };
  if (field === "seeds.data") return "dseed";
  if (field === "seeds.init") return "seed";
  return plain[head] ?? head;
}

/** One configuration's settings from `query`, and a notice for each parameter ignored. */
function readConfig(query: URLSearchParams, index: number): {settings: Settings; problems: string[]} {
  const p = prefix(index);
  const specs = Object.fromEntries(PLAIN_KEYS.map((key) => [`${p}${key}`, CONFIG_CONTROLS[key]!.param]));
  const parsed = parseParams(query.toString(), specs);
  const problems = [...parsed.problems];
  const settings: Settings = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [k.slice(p.length), v!])
  );
  const raw = (key: string) => query.get(`${p}${key}`)!.slice(0, 40);
  for (const family of FAMILIES) {
    const kind = String(settings[family.key] ?? DEFAULT_SETTINGS[family.key]);
    for (const [name] of familyOptions(family)) {
      const key = optionKey(family, name);
      if (!query.has(`${p}${key}`)) continue;
      const option = kindOption(family, kind, name);
      if (!option) {
        problems.push(`Ignored ?${p}${key}=${raw(key)}: ${kind} has no option ${name}.`);
        continue;
      }
      const value = Number(query.get(`${p}${key}`)!.trim() || NaN);
      try {
        checkNumber(key, value, option);
        settings[key] = value;
      } catch (error) {
        problems.push(
          `Ignored ?${p}${key}=${raw(key)}: it ${(error as ConfigError).message.slice(key.length + 2).replace(/, got .*$/, "")}.`
        );
      }
    }
  }
  // What the engine refuses as a whole (the study's skips on 5 layers): drop the setting at fault, and again.
  for (;;) {
    try {
      validateConfig(configFromSettings(settings));
      return {settings, problems};
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const key = settingOfField(error.field);
      if (key in settings) {
        problems.push(`Ignored ?${p}${key}=${String(settings[key])}: ${error.message}.`);
        delete settings[key];
      } else {
        problems.push(`Configuration ${index + 1} falls back to the defaults: ${error.message}.`);
        return {settings: {}, problems};
      }
    }
  }
}

export interface PlaygroundState {
  /** Each configuration's settings, as given (defaults left out). */
  settings: Settings[];
  configs: TrainConfig[];
  autostart: boolean;
  problems: string[];
}

export function configsFromSearch(search: string): PlaygroundState {
  const query = new URLSearchParams(search);
  const {values, problems} = parseParams(search, {
    configs: COUNT,
    autostart: {kind: "choice", values: ["0", "1"]}
  });
  const count = Number(values.configs ?? 1);
  for (const key of new Set(query.keys())) {
    if (!/^c\d/.test(key)) continue;
    // c1. … c4. exactly as readConfig reads them: "c01.depth" would otherwise be dropped without a word.
    const match = /^c([1-9]\d*)\.(.*)$/.exec(key);
    const index = match ? Number(match[1]) : NaN;
    if (!match) problems.push(`Ignored ?${key}: a setting is written c<configuration>.<name>, as c1.depth.`);
    else if (!(index >= 1 && index <= count))
      problems.push(
        `Ignored ?${key}: there ${count === 1 ? "is 1 configuration" : `are ${count} configurations`} (set ?configs=).`
      );
    // Own keys only: "constructor" and its kin are in every object.
    else if (!Object.hasOwn(CONFIG_CONTROLS, match[2]!)) problems.push(`Ignored ?${key}: no such setting.`);
  }
  const read = Array.from({length: count}, (_, i) => readConfig(query, i));
  const settings = read.map((r) => r.settings);
  return {
    settings,
    configs: settings.map(configFromSettings),
    autostart: values.autostart !== "0",
    problems: [...problems, ...read.flatMap((r) => r.problems)]
  };
}
