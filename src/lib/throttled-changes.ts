// A subscription that passes on a changed status at once but progress within one status at most once per
// interval: what a page needs from runs that report every training step, when each update costs a frame.
export interface ThrottleOptions<V> {
  /** What must reach the listener at once when it changes (a run's status, a replaced set). */
  statusOf: (view: V) => string;
  /** What may wait (steps, snapshots); a view whose status and progress both repeat is dropped. */
  progressOf: (view: V) => string;
  minIntervalMs: number;
}

/**
 * Subscribes `listener` through `subscribe`. A view with a new status is passed on at once; a view with new
 * progress only once `minIntervalMs` has passed since the last one passed on, else the latest such view is passed
 * on when it has (so the last state is never lost). Returns the unsubscribe, which also drops a pending view.
 */
export function throttledChanges<V>(
  subscribe: (notify: (view: V) => void) => () => void,
  listener: (view: V) => void,
  {statusOf, progressOf, minIntervalMs}: ThrottleOptions<V>
): () => void {
  let last: {key: string; status: string; at: number} | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: V | null = null;
  const keys = (view: V) => {
    const status = statusOf(view);
    return {status, key: `${status}|${progressOf(view)}`};
  };
  const emit = (view: V) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    last = {...keys(view), at: performance.now()};
    listener(view);
  };
  const unsubscribe = subscribe((view) => {
    const {key, status} = keys(view);
    latest = view;
    if (key === last?.key) return;
    const wait = last && status === last.status ? last.at + minIntervalMs - performance.now() : 0;
    if (wait <= 0) return emit(view);
    timer ??= setTimeout(() => emit(latest!), wait);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
