// The playground, wired: one to MAX_RUNS configuration editors (add copies the last, remove drops one), the set
// kept in the URL (playground-url.ts), each configuration trained in its own worker (RunGroup on the page's
// RunPool) with Train / Pause / Reset over the set, the live status with every URL notice, and each run's
// downloads (playground-exports.ts). Cards are the page's (comparisonGrid over subscribeRuns).
import * as Inputs from "@observablehq/inputs";
import {validateConfig} from "../engine/config.js";
import type {TrainConfig} from "../engine/types.js";
import {createAnnouncer} from "./announcer.js";
import {BACKENDS, backendFromUrl} from "./backend.js";
import {followSettings} from "./comparisons.js";
import {nameEveryInput} from "./control-inputs.js";
import type {FashionManifest} from "./fashion-data.js";
import {createLiveStatus} from "./live-status.js";
import {pagePool} from "./page-pool.js";
import {createConfigEditor} from "./playground-editor.js";
import {exportFileName, RUN_EXPORTS, type RunExport} from "./playground-exports.js";
import {denseParameterCount, MAX_EXPORTED_PARAMETERS} from "./weights-json.js";
import {configLabel} from "./playground-families.js";
import {configFromSettings, settingsFromConfig, type Settings} from "./playground-settings.js";
import {configsFromSearch, searchForConfigs} from "./playground-url.js";
import {createRunButtons} from "./run-buttons.js";
import {CHART_INTERVAL_MS, RunGroup, type GroupView} from "./run-group.js";
import {MAX_RUNS, type RunSpec} from "./run-specs.js";
import {downloadButton} from "./table-export.js";

export interface PlaygroundOptions {
  manifest: FashionManifest;
  urls: Record<string, string>;
  search: string;
  /** Downloads offered for each run; the playground's own by default. */
  exports?: readonly RunExport[];
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  history?: Pick<History, "replaceState" | "state"> | null;
}

/** The runs of `settings`: one per configuration, labelled by number and what it is. */
export const playgroundRuns = (settings: readonly Settings[]): RunSpec[] =>
  settings.map((s, i) => {
    const config = configFromSettings(s);
    return {label: `${i + 1}. ${configLabel(config)}`, config};
  });

export function createPlayground(options: PlaygroundOptions) {
  const {manifest, urls, search, exports = RUN_EXPORTS} = options;
  const storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  const history = options.history === undefined ? globalThis.history : options.history;
  const fromUrl = configsFromSearch(search);
  const settings: Settings[] = fromUrl.configs.map(settingsFromConfig);
  const {pool, problems} = pagePool(manifest, urls, search, storage);
  const group = new RunGroup(pool, {
    validate: (config) => validateConfig(config, manifest.counts.train),
    captureWeights: (config) => denseParameterCount(config) <= MAX_EXPORTED_PARAMETERS
  });
  const follower = followSettings<Settings[]>(group, playgroundRuns);

  const element = document.createElement("div");
  element.className = "remedy-panel playground-panel";
  const editors = element.appendChild(document.createElement("div"));
  editors.className = "pg-configs";
  const add = element.appendChild(document.createElement("button"));
  add.type = "button";
  add.className = "pg-add";
  add.textContent = "Add a configuration (a copy of the last)";
  const buttons = createRunButtons(group, () => follower.start(settings));
  const announcer = createAnnouncer();
  const status = createLiveStatus();
  const problemNotices = [...fromUrl.problems, ...problems];
  status.notices(problemNotices);
  const downloads = document.createElement("div");
  downloads.className = "pg-exports";
  element.append(backendChoice(search), buttons.element, announcer.element, status.element);

  const changed = () => {
    const configs: TrainConfig[] = settings.map(configFromSettings);
    const query = searchForConfigs(configs, globalThis.location?.search ?? search);
    history?.replaceState(history.state ?? null, "", `${globalThis.location?.pathname ?? ""}${query}`);
    status.plan(playgroundRuns(settings));
    follower.changed(settings);
  };
  const render = (focus?: number) => {
    editors.replaceChildren(
      ...settings.map((s, i) => {
        const editor = createConfigEditor(i, s, (next) => {
          settings[i] = next;
          changed();
        });
        if (settings.length > 1) {
          const remove = editor.element.appendChild(document.createElement("button"));
          remove.type = "button";
          remove.className = "pg-remove";
          remove.textContent = `Remove configuration ${i + 1}`;
          remove.addEventListener("click", () => {
            settings.splice(i, 1);
            render(Math.max(0, i - 1));
            changed();
          });
        }
        return editor.element;
      })
    );
    add.disabled = settings.length >= MAX_RUNS;
    if (focus !== undefined) editors.querySelector<HTMLElement>(`#pg-config-${focus + 1}`)?.focus();
  };
  add.addEventListener("click", () => {
    settings.push({...settings.at(-1)!});
    render(settings.length - 1);
    changed();
  });
  render();
  status.plan(playgroundRuns(settings));

  // Each run's downloads, rebuilt only when the set of runs changes (a button re-made under the pointer would lose
  // its click); each reads the run as it is at the click.
  let shown = "";
  const showDownloads = (view: GroupView) => {
    const key = view.runs.map((r) => r.label).join("|");
    if (key === shown) return;
    shown = key;
    downloads.replaceChildren(
      ...view.runs.map(({label}, i) => {
        const row = document.createElement("div");
        row.className = "pg-export";
        row.setAttribute("role", "group");
        row.setAttribute("aria-label", `Downloads of ${label}`);
        row.append(Object.assign(document.createElement("span"), {textContent: `${label}: `}));
        for (const exp of exports)
          row.append(
            downloadButton({
              label: exp.label,
              filename: exportFileName({index: i + 1}, exp),
              type: exp.type,
              content: () => {
                const run = group.view.runs[i];
                const config = run?.view.config ?? playgroundRuns(settings)[i]!.config;
                const state = run?.view.run;
                const weights = state?.weights ?? null;
                return exp.content({index: i + 1, label, config, snapshots: state?.snapshots ?? [], weights});
              },
              onError: (message) => status.notices([...problemNotices, message])
            })
          );
        return row;
      })
    );
  };
  const unsubscribe = [
    group.subscribe((view) => {
      buttons.update(view.primary, true);
      announcer.update(view.primary);
      status.group(view);
      showDownloads(view);
    }),
    pool.subscribe((view) => status.pool(view))
  ];
  if (fromUrl.autostart) follower.start(settings);

  return {
    element,
    downloads,
    group,
    subscribeRuns: (listener: (view: GroupView) => void, minIntervalMs = CHART_INTERVAL_MS) =>
      group.subscribeSnapshots(listener, minIntervalMs),
    dispose() {
      for (const stop of unsubscribe) stop();
      group.reset();
      pool.dispose();
    }
  };
}

/**
 * The backend every run of the page uses: the fastest one measured, or one forced with ?backend= (the pool is
 * made once per page, so a change reloads the page with the new parameter; the settings stay in the URL).
 */
function backendChoice(search: string): HTMLElement {
  const forced = backendFromUrl(search);
  const select = nameEveryInput(
    Inputs.select(["", ...BACKENDS], {
      label: "Backend",
      value: (BACKENDS as readonly string[]).includes(forced ?? "") ? forced : "",
      format: (name) => name || "The fastest, measured"
    })
  );
  select.classList.add("pg-backend");
  select.addEventListener("input", () => {
    const query = new URLSearchParams(location.search);
    if (select.value) query.set("backend", String(select.value));
    else query.delete("backend");
    location.assign(`${location.pathname}?${query}`);
  });
  return select;
}
