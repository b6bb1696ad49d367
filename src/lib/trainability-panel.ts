// The trainability map's controls, built once: the grid size, Start/Resume and Cancel, the progress bar with
// time left, where the cells train (workers and tensors alive, read by the tests) and notices. Each cell
// trains on the page's RunPool; the workers end whenever no cell runs, so counts return to the page's baseline.
import type {FashionManifest} from "./fashion-data.js";
import {GridRun, type GridView} from "./grid-run.js";
import {pagePool} from "./page-pool.js";
import {backendDetails, loadingLine, threadLine} from "./pool-status.js";
import type {PoolView} from "./run-pool.js";
import {GRID_SIZES, gridFromUrl, gridStatusLine, poolTrainer, type GridSize} from "./trainability-live.js";
import type {GridSettings} from "./trainability.js";

/** Cells trained at once: the test machine has two cores, and each cell's worker keeps one busy. */
export const GRID_CONCURRENCY = 2;

export interface TrainabilityPanel {
  element: HTMLElement;
  subscribe(listener: (view: GridView) => void): () => void;
  dispose(): void;
}

export function createTrainabilityPanel(options: {
  manifest: FashionManifest;
  urls: Record<string, string>;
  search: string;
  storage?: Storage | null;
}): TrainabilityPanel {
  const storage = options.storage === undefined ? (globalThis.localStorage ?? null) : options.storage;
  const {pool, problems: poolProblems} = pagePool(options.manifest, options.urls, options.search, storage);
  const fromUrl = gridFromUrl(options.search);
  const listeners = new Set<(view: GridView) => void>();
  const el = <K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, cls = "") => {
    const e = parent.appendChild(document.createElement(tag));
    if (cls) e.className = cls;
    return e;
  };
  const element = document.createElement("div");
  element.className = "trainability-panel";
  const label = el(element, "label");
  label.textContent = "Grid ";
  const select = el(label, "select");
  const sizes: [GridSize, string][] = [
    ["default", `default (${describe(GRID_SIZES.default)})`],
    ["larger", `larger (${describe(GRID_SIZES.larger)})`]
  ];
  if (fromUrl.size === "custom") sizes.unshift(["custom", `from the URL (${describe(fromUrl.settings)})`]);
  for (const [value, text] of sizes) Object.assign(el(select, "option"), {value, textContent: text});
  select.value = fromUrl.size;
  const buttons = el(element, "div", "buttons");
  const start = Object.assign(el(buttons, "button", "start"), {type: "button"});
  const cancel = Object.assign(el(buttons, "button", "cancel"), {type: "button", textContent: "Cancel"});
  const progress = el(element, "progress");
  progress.setAttribute("aria-label", "Trainability map progress");
  const status = el(element, "p", "grid-status");
  status.setAttribute("role", "status");
  const where = el(element, "p", "muted");
  const warnings = el(element, "div", "warnings");
  warnings.replaceChildren(
    ...[...poolProblems, ...fromUrl.problems].map((line) =>
      Object.assign(document.createElement("p"), {className: "warning", textContent: line})
    )
  );

  let grid: GridRun;
  let unsubscribe = () => {};
  const show = (view: GridView) => {
    progress.max = view.total;
    progress.value = view.finished;
    progress.setAttribute("aria-busy", String(view.status === "running"));
    status.textContent = gridStatusLine(view);
    start.textContent = view.finished > 0 && view.status !== "done" ? "Resume" : "Fill the map";
    start.disabled = view.status === "running" || view.status === "done";
    cancel.disabled = view.status !== "running";
    for (const listener of listeners) listener(view);
  };
  const use = (settings: GridSettings) => {
    grid?.cancel();
    unsubscribe();
    grid = new GridRun(settings, {
      train: poolTrainer(pool, settings),
      concurrency: GRID_CONCURRENCY,
      storage,
      onIdle: () => pool.shrink(0)
    });
    unsubscribe = grid.subscribe(show);
  };
  use(fromUrl.settings);
  select.addEventListener("change", () =>
    use(select.value === "custom" ? fromUrl.settings : GRID_SIZES[select.value as keyof typeof GRID_SIZES])
  );
  start.addEventListener("click", () => grid.start());
  cancel.addEventListener("click", () => grid.cancel());
  const unsubscribePool = pool.subscribe((view) => showPool(where, view));

  return {
    element,
    subscribe(listener) {
      listeners.add(listener);
      listener(grid.view);
      return () => listeners.delete(listener);
    },
    dispose() {
      grid.cancel();
      unsubscribe();
      unsubscribePool();
      pool.dispose();
      listeners.clear();
    }
  };
}

/** "35 cells, 300 steps each". */
function describe(settings: GridSettings): string {
  return `${settings.scales.length * settings.depths.length} cells, ${settings.steps} steps each`;
}

function showPool(where: HTMLElement, view: PoolView): void {
  const doc = where.ownerDocument;
  const span = (className: string, text: string) =>
    Object.assign(doc.createElement("span"), {className, textContent: text});
  const backend = view.backend;
  where.replaceChildren(
    `${loadingLine(view)} · ${threadLine(view)} · Backend: `,
    span("backend", backend?.name ?? (view.backendError ? "none" : "not chosen yet")),
    `${backend ? ` (${backendDetails(backend)})` : ""}${view.backendError ? ` (${view.backendError})` : ""} · `,
    span("workers", String(view.workers)),
    " workers · ",
    span("tensors", String(view.tensors)),
    " tensors in memory"
  );
}
