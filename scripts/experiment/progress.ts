// Progress of a set of runs: on a terminal, one live bar a run (steps, epoch, loss, time left), redrawn in
// place; elsewhere (CI, a log file) plain lines, one a run per epoch, that read well after the fact.
import type {RunProgress} from "./run-one.js";

export interface Reporter {
  progress(name: string, progress: RunProgress): void;
  /** A run's last line: finished, skipped, failed or cancelled. */
  end(name: string, text: string): void;
  /** A line that is not about one run. */
  note(text: string): void;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "…";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

const BAR = 20;

export function progressLine(name: string, p: RunProgress, nameWidth: number): string {
  const share = p.totalSteps > 0 ? p.step / p.totalSteps : 0;
  const filled = Math.round(share * BAR);
  const bar = "█".repeat(filled) + "░".repeat(BAR - filled);
  const loss = p.loss === null ? "…" : p.loss.toFixed(4);
  return (
    `${name.padEnd(nameWidth)} ${bar} ${String(Math.floor(share * 100)).padStart(3)}%  ` +
    `step ${p.step}/${p.totalSteps}  epoch ${p.epoch.toFixed(1)}  loss ${loss}  ` +
    `${formatDuration(p.elapsedMs)} elapsed, ${formatDuration(p.remainingMs)} left`
  );
}

/** Live bars: every run keeps its line; the block is redrawn at most every 200 ms. */
export function terminalReporter(names: readonly string[], out: NodeJS.WriteStream): Reporter {
  const width = Math.max(...names.map((n) => n.length));
  const lines = new Map(names.map((name) => [name, `${name.padEnd(width)} waiting`]));
  let drawn = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    const columns = out.columns ?? 120;
    const block = [...lines.values()].map((line) => `\x1b[2K${line.slice(0, columns - 1)}`);
    out.write((drawn ? `\x1b[${drawn}A\r` : "") + block.join("\n") + "\n");
    drawn = block.length;
  };
  return {
    progress(name, progress) {
      lines.set(name, progressLine(name, progress, width));
      draw(false);
    },
    end(name, text) {
      lines.set(name, `${name.padEnd(width)} ${text}`);
      draw(true);
    },
    note(text) {
      // Above the block: clear it, print the note, draw the block again below.
      if (drawn) out.write(`\x1b[${drawn}A\r\x1b[J`);
      drawn = 0;
      out.write(`${text}\n`);
      draw(true);
    }
  };
}

/** Plain lines: a run's progress once per whole epoch, so a log stays short. */
export function lineReporter(out: NodeJS.WritableStream): Reporter {
  const lastEpoch = new Map<string, number>();
  return {
    progress(name, p) {
      const epoch = Math.floor(p.epoch + 1e-9);
      if (epoch === (lastEpoch.get(name) ?? 0)) return;
      lastEpoch.set(name, epoch);
      const loss = p.loss === null ? "…" : p.loss.toFixed(4);
      out.write(
        `[${name}] epoch ${epoch}, step ${p.step}/${p.totalSteps}, loss ${loss}, ` +
          `${formatDuration(p.elapsedMs)} elapsed, ${formatDuration(p.remainingMs)} left\n`
      );
    },
    end(name, text) {
      out.write(`[${name}] ${text}\n`);
    },
    note(text) {
      out.write(`${text}\n`);
    }
  };
}
