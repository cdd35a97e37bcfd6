import type { AstroIntegration } from "astro";
import { offerRefresh } from "../editor/dev-refresh.ts";

/**
 * Hands `astro dev`'s `refreshContent` to the content loader, which re-runs
 * itself through it after an edit (src/editor/dev-refresh.ts): the edit then
 * reaches the page without waiting for Astro's save debounce.
 */
export function devRefresh(): AstroIntegration {
  return {
    name: "dateline:dev-refresh",
    hooks: {
      "astro:server:setup": ({ refreshContent }) => offerRefresh(refreshContent),
      "astro:server:done": () => offerRefresh(undefined),
    },
  };
}
