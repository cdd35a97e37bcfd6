import type { APIRoute } from "astro";
import { stringify } from "yaml";
import { siteDeskConfig } from "../../editor/desk/desk-input.ts";

// The editors' desk's configuration, made from the article schema and the
// site's settings on every build (and every request in `npm run dev`).
export const GET: APIRoute = () =>
  new Response(
    `# Generated from src/schemas/article.ts and src/site.config.ts by src/editor/desk/desk-config.ts: do not edit.\n${stringify(siteDeskConfig(), { lineWidth: 0 })}`,
    { headers: { "Content-Type": "text/yaml; charset=utf-8" } },
  );
