// The status block under a live page's controls: the set's progress bar and line, where the runs train (images,
// thread, backend and why, workers and tensors alive), the expected time, and every notice (ignored URL values,
// a backend that failed). Built once and updated in place: re-rendering it on every progress tick would reset
// what a screen reader is reading and cost main-thread work.
import {backendDetails, loadingLine, threadLine} from "./pool-status.js";
import {describeProgress, formatDuration} from "./progress.js";
import type {GroupView} from "./run-group.js";
import type {RunSpec} from "./run-specs.js";
import {plannedSteps} from "./run-protocol.js";
import type {PoolView} from "./run-pool.js";

export interface LiveStatus {
  element: HTMLElement;
  group(view: GroupView): void;
  pool(view: PoolView): void;
  /** Notices shown until replaced (the URL's ignored values, …). */
  notices(lines: readonly string[]): void;
  /** The runs the settings ask for: their count and steps, with the expected time once it can be estimated. */
  plan(runs: readonly RunSpec[]): void;
}

/**
 * What `steps` steps of each of `runs` runs cost at the backend's measured `msPerStep` (one run alone), with
 * the runs sharing `cores` cores; before the measurement, when it will be known. Loading the images and the
 * evaluations come on top.
 */
export function expectedTime(
  steps: number,
  msPerStep: number | null | undefined,
  runs = 1,
  cores = 1
): string {
  if (!msPerStep) return "the time per step is measured when the first run starts";
  const ms = steps * msPerStep * Math.max(1, runs / Math.max(1, cores));
  return `the steps take about ${formatDuration(ms)} at ${msPerStep.toFixed(0)} ms per step, plus loading the images and evaluating`;
}

export function createLiveStatus(doc: Document = document): LiveStatus {
  const element = doc.createElement("div");
  element.className = "live-status";
  const add = <K extends keyof HTMLElementTagNameMap>(tag: K, className = "") => {
    const el = element.appendChild(doc.createElement(tag));
    if (className) el.className = className;
    return el;
  };
  const progress = add("progress");
  progress.setAttribute("aria-label", "Training progress");
  const status = add("p", "status");
  // Not ".muted": tests and readers find the one muted line of where the runs train by that class.
  const planLine = add("p", "expected");
  planLine.style.color = "var(--theme-foreground-muted)";
  const where = add("p", "muted");
  const warnings = add("div", "warnings");
  let notices: readonly string[] = [];
  let pool: PoolView | null = null;
  let plan = {text: "", steps: 0, runs: 1};
  /** "2 runs side by side, 216 steps each" or "90 steps". */
  const describe = (steps: number, runs: number) =>
    runs > 1 ? `${runs} runs side by side, ${steps} steps each` : `${steps} steps`;
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  const showPlan = () =>
    (planLine.textContent = plan.text
      ? `${plan.text}: ${expectedTime(plan.steps, pool?.backend?.msPerStep, plan.runs, cores)}.`
      : "");
  const showWarnings = () => {
    const lines = [
      ...notices,
      pool?.backend?.notice,
      pool?.backendError && `No backend could start: ${pool.backendError}`
    ].filter((line): line is string => Boolean(line));
    warnings.replaceChildren(
      ...lines.map((line) => Object.assign(doc.createElement("p"), {className: "warning", textContent: line}))
    );
  };
  return {
    element,
    group(view) {
      const run = view.primary;
      progress.max = run.run?.totalSteps || 1;
      progress.value = run.run?.step ?? 0;
      // Busy while a run trains or prepares: tests (and assistive technology) wait for the page to settle.
      progress.setAttribute("aria-busy", view.status === "running" ? "true" : "false");
      status.textContent = describeProgress(run);
      // The training time of the run so far to the millisecond (the line rounds it), on the training loop's own
      // clock: what npm run bench:browser divides the steps by.
      if (run.run) status.dataset.elapsedMs = String(Math.round(run.run.elapsedMs));
      else delete status.dataset.elapsedMs;
    },
    pool(view) {
      pool = view;
      const backend = view.backend;
      where.replaceChildren(
        `${loadingLine(view)} · ${threadLine(view)} · Backend: `,
        Object.assign(doc.createElement("strong"), {
          className: "backend",
          textContent: backend?.name ?? (view.backendError ? "none" : "not chosen yet")
        }),
        `${backend ? ` (${backendDetails(backend)})` : ""} · `,
        Object.assign(doc.createElement("span"), {className: "workers", textContent: String(view.workers)}),
        " workers · ",
        Object.assign(doc.createElement("span"), {className: "tensors", textContent: String(view.tensors)}),
        " tensors in memory"
      );
      showPlan();
      showWarnings();
    },
    notices(lines) {
      notices = lines;
      showWarnings();
    },
    plan(specs) {
      const steps = specs[0] ? plannedSteps(specs[0].config) : 0;
      plan = {text: specs.length ? describe(steps, specs.length) : "", steps, runs: specs.length};
      showPlan();
    }
  };
}
