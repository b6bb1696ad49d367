// The latest view of something the page watches (the explorer's answers, the phase diagram's points), and the
// listeners that redraw from it: Generators.observe((notify) => store.subscribe(notify)).

export interface ViewStore<V> {
  readonly view: V;
  /** Merges `next` into the view and tells every listener; `{quiet: true}` only records it (no redraw). */
  update(next: Partial<V>, options?: {quiet?: boolean}): void;
  /** Calls `listener` now and on every update; returns the unsubscribe. */
  subscribe(listener: (view: V) => void): () => void;
  /** Forgets every listener (the page is going away). */
  clear(): void;
}

export function createViewStore<V extends object>(initial: V): ViewStore<V> {
  let view = initial;
  const listeners = new Set<(view: V) => void>();
  return {
    get view() {
      return view;
    },
    update(next, {quiet = false} = {}) {
      view = {...view, ...next};
      if (!quiet) for (const listener of listeners) listener(view);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(view);
      return () => listeners.delete(listener);
    },
    clear: () => listeners.clear()
  };
}
