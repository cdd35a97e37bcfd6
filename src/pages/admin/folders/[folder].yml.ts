import type { APIRoute, GetStaticPaths } from "astro";
import { stringify } from "yaml";
import { deskFolders, siteDeskConfig } from "../../../editor/desk/desk-input.ts";

// The desk of each folder of the content folder (`/admin/?folder=2019`), so
// that the main desk does not read the whole archive (desk-config.ts).
export const getStaticPaths = (() =>
  deskFolders().map((folder) => ({ params: { folder } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(
    `# Generated from src/schemas/article.ts and src/site.config.ts by src/editor/desk/desk-config.ts: do not edit.\n${stringify(siteDeskConfig(params["folder"]), { lineWidth: 0 })}`,
    { headers: { "Content-Type": "text/yaml; charset=utf-8" } },
  );
