// The RunPool a live page trains on, set from its URL: `?worker=0` keeps runs on the page's thread, `?backend=`
// forces a backend; otherwise one Web Worker per run and the backend measured once, remembered in localStorage.
import {backendFromUrl} from "./backend.js";
import type {FashionManifest} from "./fashion-data.js";
import {liveOptionsFromUrl} from "./pool-status.js";
import {RunPool} from "./run-pool.js";

/** The pool, and the URL problems to show (an unknown `?worker=` value falls back to workers). */
export function pagePool(
  manifest: FashionManifest,
  urls: Record<string, string>,
  search: string,
  storage: Pick<Storage, "getItem" | "setItem"> | null = globalThis.localStorage ?? null
): {pool: RunPool; problems: string[]} {
  const live = liveOptionsFromUrl(search);
  const pool = new RunPool({
    manifest,
    urls,
    forcedBackend: backendFromUrl(search),
    useWorkers: live.useWorkers,
    storage
  });
  return {pool, problems: live.problems};
}
