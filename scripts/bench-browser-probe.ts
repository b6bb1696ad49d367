// What scripts/bench-browser.ts measures inside a page, installed before any of the page's scripts run. A plain
// string, not a function: tsx would wrap a function in a __name() helper that the page does not have.
//
// window.__bench (times in ms since navigation start, the page's performance.now()):
//   longTasks        every main-thread task over 50 ms (PerformanceObserver "longtask"): [start, duration]
//   firstSnapshotAt  when the first cell of the live gradient heatmap (one per layer per snapshot) appeared
//   finishedAt       when the status line first said "Finished"
//   nextRun()        forgets both, to time the next run: call it before pressing Train again. The times are then
//                    taken only once the status has left "Finished" and the heatmap has been emptied (pressing
//                    Train first redraws the finished run's heatmap, which must not count as the new run's)
//   inputFrames      per `input` event: when the next animation frame began, as epoch milliseconds (an event's own
//                    timeStamp is taken once the busy main thread gets to it, so the delay is measured from
//                    the moment the benchmark sent the key, on the same wall clock)
export const PAGE_PROBE = `
(() => {
  // A page starts neither finished nor with a heatmap: its first run is armed from the start.
  let left = true;
  let emptied = true;
  const bench = (window.__bench = {
    longTasks: [],
    firstSnapshotAt: null,
    finishedAt: null,
    inputFrames: [],
    nextRun() {
      bench.firstSnapshotAt = bench.finishedAt = null;
      left = emptied = false;
    }
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({type: "longtask", buffered: true});
  const watch = new MutationObserver(() => {
    const finished = /^Finished/.test(document.querySelector(".status")?.textContent ?? "");
    const cells = document.querySelector(".live-heatmap .cell") !== null;
    left ||= !finished;
    emptied ||= left && !cells;
    if (bench.firstSnapshotAt === null && emptied && cells) bench.firstSnapshotAt = performance.now();
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
