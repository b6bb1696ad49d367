// The live comparison of a remedy page, wired once for every page: the spec's controls (remedy-inputs.ts), the
// settings kept in the URL, the remedy and the baseline trained side by side in workers (RunGroup on a RunPool),
// Train / Pause / Reset, announcements, and the status block with progress, expected time and backend.
//
//   const panel = createRemedyPanel(INITIALIZATION_SPEC, {manifest, urls: fashionFileUrls(), search: location.search});
//   invalidation.then(() => panel.dispose());
//   const live = Generators.observe((notify) => panel.subscribeRuns(notify));   // GroupView, for the cards
//   const values = Generators.observe((notify) => panel.subscribeValues(notify)); // for page-specific views
import {validateConfig} from "../engine/config.js";
import {createAnnouncer} from "./announcer.js";
import {followSettings} from "./comparisons.js";
import type {FashionManifest} from "./fashion-data.js";
import {createLiveStatus} from "./live-status.js";
import {pagePool} from "./page-pool.js";
import {createRemedyInputs} from "./remedy-inputs.js";
import {
  normalizeValues,
  remedyRuns,
  searchFor,
  valuesFromUrl,
  type RemedySpec,
  type RemedyValues
} from "./remedy-spec.js";
import {createRunButtons} from "./run-buttons.js";
import {CHART_INTERVAL_MS, RunGroup, type GroupView} from "./run-group.js";

export interface PanelOptions {
  manifest: FashionManifest;
  /** Manifest file name → URL (fashionFileUrls()). */
  urls: Record<string, string>;
  /** The page's query string: settings, ?autostart=0, ?backend=, ?worker=. */
  search: string;
  /** Where the backend measurement is remembered; localStorage by default. */
  storage?: Pick<Storage, "getItem" | "setItem"> | null;
  /** Where the settings are written back; the page's history by default, null not to. */
  history?: Pick<History, "replaceState" | "state"> | null;
}

export interface RemedyPanel {
  /** Controls, buttons, announcer and status, in one block for a card. */
  element: HTMLElement;
  group: RunGroup;
  values(): RemedyValues;
  subscribeValues(listener: (values: RemedyValues) => void): () => void;
  /** The runs as charts need them: on new snapshots, at most once per `minIntervalMs` while training. */
  subscribeRuns(listener: (view: GroupView) => void, minIntervalMs?: number): () => void;
  dispose(): void;
}

export function createRemedyPanel(spec: RemedySpec, options: PanelOptions): RemedyPanel {
  const {manifest, urls, search} = options;
  const storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  const history = options.history === undefined ? globalThis.history : options.history;
  const fromUrl = valuesFromUrl(spec, search);
  const {pool, problems: liveProblems} = pagePool(manifest, urls, search, storage);
  const group = new RunGroup(pool, {validate: (config) => validateConfig(config, manifest.counts.train)});
  const follower = followSettings<RemedyValues>(group, (values) => remedyRuns(spec, values));
  let values = fromUrl.values;
  const listeners = new Set<(values: RemedyValues) => void>();

  const inputs = createRemedyInputs(spec, values);
  const buttons = createRunButtons(group, () => follower.start(values));
  const announcer = createAnnouncer();
  const status = createLiveStatus();
  status.notices([...fromUrl.problems, ...liveProblems]);
  const element = document.createElement("div");
  element.className = "remedy-panel";
  element.append(inputs.element, buttons.element, announcer.element, status.element);

  const plan = () => status.plan(remedyRuns(spec, values));
  plan();
  inputs.element.addEventListener("input", () => {
    const next = normalizeValues(spec, inputs.read());
    if (JSON.stringify(next) === JSON.stringify(values)) return;
    values = next;
    // A link reproduces the view: the settings go into the URL (without a new history entry per slider step).
    const query = searchFor(spec, values, globalThis.location?.search ?? search);
    history?.replaceState(history.state ?? null, "", `${globalThis.location?.pathname ?? ""}${query}`);
    plan();
    follower.changed(values);
    for (const listener of listeners) listener(values);
  });

  const unsubscribe = [
    group.subscribeProgress((view) => {
      buttons.update(view.primary, true);
      announcer.update(view.primary);
      status.group(view);
    }),
    pool.subscribe((view) => status.pool(view))
  ];
  // Readers who never press anything see the comparison train: it starts at once (unless ?autostart=0).
  if (fromUrl.autostart) follower.start(values);

  return {
    element,
    group,
    values: () => values,
    subscribeValues(listener) {
      listeners.add(listener);
      listener(values);
      return () => listeners.delete(listener);
    },
    subscribeRuns: (listener, minIntervalMs = CHART_INTERVAL_MS) =>
      group.subscribeSnapshots(listener, minIntervalMs),
    dispose() {
      for (const stop of unsubscribe) stop();
      listeners.clear();
      group.reset();
      pool.dispose();
    }
  };
}
