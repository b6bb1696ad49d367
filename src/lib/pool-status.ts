// What a live page says about where its runs train: the thread, the backend and why it was chosen, the images
// loaded, and the workers and tensors alive (read by the leak test). Plus the URL switches behind them.
import type {BackendReport} from "./backend-choice.js";
import type {PoolView} from "./run-pool.js";
import {parseParams} from "./url-params.js";

/** `?worker=0` trains on the page's thread even where module workers work (to compare, or to test). */
export function liveOptionsFromUrl(search: string): {useWorkers: boolean; problems: string[]} {
  const {values, problems} = parseParams(search, {worker: {kind: "choice", values: ["0", "1"]}});
  return {useWorkers: values.worker !== "0", problems};
}

export function threadLine(view: PoolView): string {
  if (view.thread === "worker") return "Each run trains in a Web Worker of its own";
  return `Runs train on the page's main thread${view.threadNote ? `: ${view.threadNote}` : ""}`;
}

const ms = (value: number | null) => (value === null ? "?" : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

/** "measured: webgl 3.1× slower; cpu a step took 800 ms; webgpu could not start: …". */
export function backendDetails(report: BackendReport): string {
  const how = {
    measured: "fastest of those measured",
    remembered: "measured earlier on this device",
    forced: "asked for in the URL"
  }[report.how];
  const others = report.results
    .filter((r) => r.name !== report.name)
    .map((r) => `${r.name}${r.msPerStep === null ? "" : ` ${ms(r.msPerStep)}`}: ${r.note}`);
  return `${ms(report.msPerStep)} per step, ${how}${others.length ? `; ${others.join("; ")}` : ""}`;
}

export function loadingLine({data}: PoolView): string {
  const {progress, loaded} = data;
  if (loaded)
    return `${loaded.train.toLocaleString("en-US")} training and ${loaded.test.toLocaleString("en-US")} test images loaded`;
  if (!progress) return "Images load when a run starts";
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  return `Loading images: ${progress.filesDone} of ${progress.filesTotal} files (${mb(progress.bytesDone)} of ${mb(progress.bytesTotal)} MB)`;
}
