/** Pause, resume and cancel for a loop that checks in between steps. */
export class RunControl {
  private paused = false;
  private cancelled = false;
  private wake: (() => void) | null = null;
  private pausedSince = 0;
  /** Milliseconds spent paused, so elapsed time and time-left estimates count training only. */
  pausedMs = 0;

  get isPaused(): boolean {
    return this.paused;
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  pause(): void {
    if (this.paused || this.cancelled) return;
    this.paused = true;
    this.pausedSince = performance.now();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.pausedMs += performance.now() - this.pausedSince;
    this.wake?.();
    this.wake = null;
  }

  cancel(): void {
    this.cancelled = true;
    this.resume();
  }

  /** Resolves at once when running, or when resumed or cancelled. */
  async whilePaused(): Promise<void> {
    while (this.paused) await new Promise<void>((resolve) => (this.wake = resolve));
  }
}

/**
 * Lets the page (or a worker's message handler) run between steps. A MessageChannel callback is not subject to
 * the 4 ms clamp browsers put on nested setTimeout(0), and it exists in Node too.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
