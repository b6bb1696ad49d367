// What scripts/bench-browser.ts measures inside a page, installed before any of the page's scripts run. A plain
// string, not a function: tsx would wrap a function in a __name() helper that the page does not have.
//
// window.__bench (times in ms since navigation start, the page's performance.now()):
//   longTasks        every main-thread task over 50 ms (PerformanceObserver "longtask"): [start, duration]
//   firstSnapshotAt  when the first cell of the live gradient heatmap (one per layer per snapshot) appeared: the
//                    first run of the page load
//   finishedAt       when the status line first said "Finished"
//   nextRun()        forgets finishedAt, to wait for the next run: call it before pressing Train again. It is then
//                    set only once the status has left "Finished" (the finished run's line stays a moment)
//   inputFrames      per `input` event: when the next animation frame began, as epoch milliseconds (an event's own
//                    timeStamp is taken once the busy main thread gets to it, so the delay is measured from
//                    the moment the benchmark sent the key, on the same wall clock)
export const PAGE_PROBE = `
(() => {
  // A page does not start finished: its first run is armed from the start.
  let left = true;
  const bench = (window.__bench = {
    longTasks: [],
    firstSnapshotAt: null,
    finishedAt: null,
    inputFrames: [],
    nextRun() {
      bench.finishedAt = null;
      left = false;
    }
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({type: "longtask", buffered: true});
  const watch = new MutationObserver(() => {
    const finished = /^Finished/.test(document.querySelector(".status")?.textContent ?? "");
    const cells = document.querySelector(".live-heatmap .cell") !== null;
    left ||= !finished;
    if (bench.firstSnapshotAt === null && cells) bench.firstSnapshotAt = performance.now();
    if (bench.finishedAt === null && left && finished) bench.finishedAt = performance.now();
  });
  document.addEventListener("DOMContentLoaded", () =>
    watch.observe(document.body, {childList: true, subtree: true})
  );
  document.addEventListener(
    "input",
    () => requestAnimationFrame(() => bench.inputFrames.push(performance.timeOrigin + performance.now())),
    true
  );
})();
`;

export interface PageProbe {
  longTasks: [number, number][];
  firstSnapshotAt: number | null;
  finishedAt: number | null;
  inputFrames: number[];
  nextRun(): void;
}
