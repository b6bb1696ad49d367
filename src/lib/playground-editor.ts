// The controls of one playground configuration: a preset list, then every setting (playground-settings.ts) in
// four collapsible groups so that the 40-odd controls stay usable on a phone. A strategy's options show only for
// the kind chosen, and choosing another kind puts its options at their defaults. Inputs are the remedy pages'
// (createControlRows); the editor reports whole settings, normalized, on every change.
import * as Inputs from "@observablehq/inputs";
import {PRESETS} from "../engine/presets.js";
import {nameEveryInput} from "./control-inputs.js";
import {FAMILIES, familyOptions, kindOption, optionDefault, optionKey} from "./playground-families.js";
import {CONFIG_CONTROLS} from "./playground-controls.js";
import {settingsFromConfig, type Settings} from "./playground-settings.js";
import {createControlRows, type RemedyInputs} from "./remedy-inputs.js";
import {normalizeControlValues} from "./remedy-spec.js";

/** The groups, in order, and their settings (every key of CONFIG_CONTROLS exactly once: unit-tested). */
export const EDITOR_GROUPS: readonly {title: string; keys: readonly string[]; open?: boolean}[] = [
  {title: "Network", keys: ["depth", "width", ...familyKeys("act"), ...familyKeys("init")], open: true},
  {title: "Normalization and skip connections", keys: [...familyKeys("norm"), "skip", "skip-k"]},
  {title: "Optimizer and gradient", keys: [...familyKeys("opt"), ...familyKeys("gnorm")]},
  {
    title: "Training schedule, data and seeds",
    keys: ["lw", "batch", "epochs", "train", "val", "seed", "dseed", "every"]
  }
];

function familyKeys(key: string): string[] {
  const family = FAMILIES.find((f) => f.key === key)!;
  return [family.key, ...familyOptions(family).map(([name]) => optionKey(family, name))];
}

/** The settings whose rows show for `settings`: every option of the chosen kinds, k with residual blocks. */
export function visibleKeys(settings: Settings): Set<string> {
  const hidden = new Set<string>();
  for (const family of FAMILIES)
    for (const [name] of familyOptions(family))
      if (!kindOption(family, String(settings[family.key]), name)) hidden.add(optionKey(family, name));
  if (settings.skip !== "residual") hidden.add("skip-k");
  return new Set(Object.keys(CONFIG_CONTROLS).filter((key) => !hidden.has(key)));
}

/** `next` with the options of every family whose kind differs from `previous` reset to the new kind's defaults. */
export function withKindDefaults(previous: Settings, next: Settings): Settings {
  const out = {...next};
  for (const family of FAMILIES) {
    const kind = String(next[family.key]);
    if (kind === previous[family.key]) continue;
    for (const [name] of familyOptions(family)) {
      const value = optionDefault(family, kind, name);
      if (value !== undefined) out[optionKey(family, name)] = value;
    }
  }
  return out;
}

export interface ConfigEditor {
  element: HTMLElement;
  settings(): Settings;
}

/** The editor of configuration `index` (0-based), starting at `settings` (complete); `onChange` gets each change. */
export function createConfigEditor(
  index: number,
  initial: Settings,
  onChange: (settings: Settings) => void
): ConfigEditor {
  let settings = {...initial};
  const element = document.createElement("section");
  element.className = "pg-config";
  element.setAttribute("aria-labelledby", `pg-config-${index + 1}`);
  const heading = element.appendChild(document.createElement("h3"));
  heading.id = `pg-config-${index + 1}`;
  heading.tabIndex = -1;
  heading.textContent = `Configuration ${index + 1}`;
  const preset = nameEveryInput(
    Inputs.select(["", ...PRESETS.map((p) => p.name)], {
      label: "Fill from a preset",
      format: (name) => (name ? PRESETS.find((p) => p.name === name)!.title : "—")
    })
  );
  preset.classList.add("pg-preset");
  element.append(preset);
  const groups: RemedyInputs[] = EDITOR_GROUPS.map(({title, keys, open}) => {
    const controls = Object.fromEntries(keys.map((key) => [key, CONFIG_CONTROLS[key]!]));
    const rows = createControlRows(controls, settings);
    const details = element.appendChild(document.createElement("details"));
    details.open = Boolean(open);
    details.append(Object.assign(document.createElement("summary"), {textContent: title}), rows.element);
    return rows;
  });
  const show = () => {
    const visible = visibleKeys(settings);
    for (const row of element.querySelectorAll<HTMLElement>(".control"))
      row.hidden = ![...row.classList].some((c) => c.startsWith("control-") && visible.has(c.slice(8)));
  };
  const put = (values: Settings) => {
    for (const rows of groups)
      for (const [key, input] of Object.entries(rows.inputs)) if (key in values) input.value = values[key];
  };
  const update = (next: Settings) => {
    settings = normalizeControlValues(CONFIG_CONTROLS, next);
    put(settings);
    show();
    onChange(settings);
  };
  for (const rows of groups)
    rows.element.addEventListener("input", () => {
      const read = Object.assign({}, settings, ...groups.map((g) => g.read())) as Settings;
      update(withKindDefaults(settings, read));
    });
  preset.addEventListener("input", () => {
    const chosen = PRESETS.find((p) => p.name === preset.value);
    if (chosen) update(settingsFromConfig(chosen.config));
  });
  show();
  return {element, settings: () => settings};
}
