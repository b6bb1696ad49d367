import type {TrainingData} from "../engine/index.js";
import type {TrainConfig} from "../engine/types.js";
import type {SessionView, TrainingSession} from "./session.js";

export interface RunButtons {
  element: HTMLElement;
  /** Enables and labels the buttons for the session's view and whether a run can start. */
  update(view: SessionView, canStart: boolean): void;
}

/**
 * Train / Pause / Reset, created once per page. They must not be re-rendered with every progress update: a
 * click whose mousedown and mouseup land on two different elements is lost, so the buttons stay the same
 * elements and only their state changes. `next()` supplies the config and data at the moment of the click.
 */
export function createRunButtons(
  session: TrainingSession,
  next: () => {config: TrainConfig; data: TrainingData} | null
): RunButtons {
  const element = document.createElement("div");
  element.className = "buttons";
  const button = (name: string, label: string, onClick: () => void) => {
    const b = element.appendChild(document.createElement("button"));
    b.className = name;
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  };
  const train = button("train", "Train", () => {
    const start = next();
    if (start) session.start(start.config, start.data);
  });
  const pause = button("pause", "Pause", () => session.togglePause());
  const reset = button("reset", "Reset", () => session.reset());
  return {
    element,
    update(view, canStart) {
      train.disabled = !canStart;
      train.textContent = view.status === "idle" ? "Train" : "Train again";
      pause.disabled = view.status !== "running" && view.status !== "paused";
      pause.textContent = view.status === "paused" ? "Resume" : "Pause";
      reset.disabled = view.status === "idle";
    }
  };
}
