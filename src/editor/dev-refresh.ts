import type { RefreshContentOptions } from "astro";
import type { LoaderContext } from "astro/loaders";

// The integration (src/integrations/dev-refresh.ts) is given Astro's
// `refreshContent` and the content loader asks for it: one process, two
// module graphs, so it is handed over on globalThis.
const KEY = Symbol.for("dateline.refresh-content");
// Astro evaluates the content config anew for a refresh, so the loader's
// state from its full load is kept on globalThis too.
const LIVE = Symbol.for("dateline.articles-live-sync");

type Refresh = (options: RefreshContentOptions) => Promise<void>;

/** What a refresh the loader asked for carries in its context, to tell it from a full load. */
export const EDIT_REFRESH = "datelineEdit";

/** Keeps `astro dev`'s `refreshContent` for the content loader. */
export function offerRefresh(refresh: Refresh | undefined): void {
  (globalThis as Record<symbol, unknown>)[KEY] = refresh;
}

/**
 * Asks Astro's content layer to run one loader again, as it does at start:
 * Astro then writes the data store at once, where changes a loader makes on
 * its own are written after half a second of quiet (Astro's debounce), which
 * every edit in `astro dev` waited for. Undefined when there is no dev
 * server to ask (the caller then syncs by itself).
 */
export function requestRefresh(loader: string): Promise<void> | undefined {
  const refresh = (globalThis as Record<symbol, unknown>)[KEY] as Refresh | undefined;
  return refresh?.({ loaders: [loader], context: { [EDIT_REFRESH]: true } });
}

/** Whether a load was asked for by `requestRefresh`, not by Astro's own start or config change. */
export function isEditRefresh(data: Record<string, unknown> | undefined): boolean {
  return data?.[EDIT_REFRESH] === true;
}

/** A sync that reruns the loader with its state from the last full load (memo, kept HTML, renderer). */
type LiveSync = (context: LoaderContext) => Promise<void>;

/** Keeps the last full load's sync for the refreshes that follow an edit. */
export function keepLiveSync(sync: LiveSync): void {
  (globalThis as Record<symbol, unknown>)[LIVE] = sync;
}

/** The last full load's sync, if `astro dev` made one. */
export function liveSync(): LiveSync | undefined {
  return (globalThis as Record<symbol, unknown>)[LIVE] as LiveSync | undefined;
}
