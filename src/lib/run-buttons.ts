import type {SessionView} from "./run-group.js";

/** What the buttons drive: a RunGroup, or anything that starts, pauses and resets a set of runs. */
export interface RunControls {
  togglePause(): void;
  reset(): void;
}

export interface RunButtons {
  element: HTMLElement;
  /** Enables and labels the buttons for the view of the runs and whether a run can start. */
  update(view: SessionView, canStart: boolean): void;
}

/**
 * Train / Pause / Reset, created once per page. They must not be re-rendered with every progress update: a
 * click whose mousedown and mouseup land on two different elements is lost, so the buttons stay the same
 * elements and only their state changes. `train()` starts runs with the settings at the moment of the click.
 */
export function createRunButtons(controls: RunControls, train: () => void): RunButtons {
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
  const trainButton = button("train", "Train", train);
  const pause = button("pause", "Pause", () => controls.togglePause());
  const reset = button("reset", "Reset", () => controls.reset());
  return {
    element,
    update(view, canStart) {
      const focused = element.ownerDocument.activeElement;
      trainButton.disabled = !canStart;
      trainButton.textContent = view.status === "idle" ? "Train" : "Train again";
      pause.disabled = view.status !== "running" && view.status !== "paused";
      pause.textContent = view.status === "paused" ? "Resume" : "Pause";
      reset.disabled = view.status === "idle";
      // A focused button that becomes disabled (Reset once pressed, Pause when a run ends) drops the keyboard
      // focus to the top of the page; Train, beside it, is where a keyboard user wants to be next.
      if ([pause, reset].some((b) => b === focused && b.disabled) && canStart) trainButton.focus();
    }
  };
}
