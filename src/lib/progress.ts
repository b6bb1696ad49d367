import type {SessionView} from "./run-group.js";

/** "42 s", "3 min 5 s", "1 h 2 min": coarse enough to read at a glance while it counts down. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const STATUS_WORDS = {
  running: "Training",
  paused: "Paused",
  done: "Finished",
  cancelled: "Stopped",
  diverged: "Diverged",
  failed: "Failed"
} as const;

/** One line under the progress bar: status, steps, epoch and time left (or spent, once finished). */
export function describeProgress(view: SessionView): string {
  if (!view.run) return view.message ? `Not started: ${view.message}` : "Not started.";
  if (view.run.preparing && view.status === "running") return `Preparing: ${view.run.preparing}…`;
  const {step, totalSteps, elapsedMs, remainingMs} = view.run;
  const epochs = view.config.epochs;
  const stepsPerEpoch = totalSteps / epochs;
  const epoch = stepsPerEpoch > 0 ? Math.min(epochs, Math.floor(step / stepsPerEpoch) + 1) : 1;
  const parts = [
    `${STATUS_WORDS[view.status]}: step ${step} of ${totalSteps}`,
    `epoch ${epoch} of ${epochs}`
  ];
  if (view.status === "running" && remainingMs !== null)
    parts.push(`about ${formatDuration(remainingMs)} left`);
  else parts.push(`${formatDuration(elapsedMs)} of training`);
  const line = parts.join(" · ");
  return view.message ? `${line}. ${view.message}` : `${line}.`;
}
