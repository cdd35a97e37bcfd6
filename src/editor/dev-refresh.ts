import type { RefreshContentOptions } from "astro";
import type { LoaderContext } from "astro/loaders";

// The integration (src/integrations/dev-refresh.ts) is given Astro's
// `refreshContent` and the content loader asks for it: one process, two
// module graphs, so it is handed over on globalThis.
const KEY = Symbol.for("dateline.refresh-content");
// Astro evaluates the content config anew for a refresh, so the loader's
// state from its full load is kept on globalThis too.
const LIVE = Symbol.for("dateline.articles-live-sync");
// How many edit refreshes the loader has run, to tell a refresh Astro ran from one it skipped.
const RAN = Symbol.for("dateline.edit-refreshes");

/** How often, and how far apart, a refresh Astro skipped is asked for again. */
const RETRIES = 100;
const RETRY_MS = 25;

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
 *
 * Astro 7.4's `refreshContent` returns without running anything while it
 * reloads the content config, which it does after every change to a
 * Markdown file the dev server watches (astro/dist/content/
 * vite-plugin-content-imports.js): an edit whose refresh came first was
 * never shown, the symptom of "an edit never showed within 60 s" at 10,000
 * stories, where that reload is slow. So a refresh the loader did not run
 * (`noteEditRefresh`) is asked for again, for up to 2.5 s; resolves false
 * if it never ran.
 */
export function requestRefresh(loader: string): Promise<boolean> | undefined {
  const refresh = (globalThis as Record<symbol, unknown>)[KEY] as Refresh | undefined;
  if (!refresh) return undefined;
  return (async () => {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const before = editRefreshes();
      await refresh({ loaders: [loader], context: { [EDIT_REFRESH]: true } });
      if (editRefreshes() !== before) return true;
      await new Promise((resume) => setTimeout(resume, RETRY_MS));
    }
    return false;
  })();
}

function editRefreshes(): number {
  return ((globalThis as Record<symbol, unknown>)[RAN] as number | undefined) ?? 0;
}

/** Counts an edit refresh the loader ran (see `requestRefresh`). */
export function noteEditRefresh(): void {
  (globalThis as Record<symbol, unknown>)[RAN] = editRefreshes() + 1;
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
