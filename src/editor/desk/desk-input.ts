import schemaSource from "../../schemas/article.ts?raw";
import { RESERVED_SEGMENTS } from "../../site/routes.ts";
import { site } from "../../site/site.ts";
import { toolSchema } from "../validate-article.ts";
import { deskConfig, storyFormatOptions } from "./desk-config.ts";
import { deskEnvironment } from "./desk-environment.ts";
import { schemaComments } from "./schema-comments.ts";

/**
 * The desk's configuration for this site and deployment: the article schema
 * (with its source's comments), the site's settings and the environment.
 */
export function siteDeskConfig(folder?: string) {
  const environment = environmentOnce();
  return deskConfig(
    {
      schema: toolSchema,
      comments: schemaComments(schemaSource),
      site: { name: site.name, timeZone: site.timeZone, sections: site.sections },
      reservedSegments: RESERVED_SEGMENTS,
      logo: site.href("/favicon.svg"),
      ...environment,
    },
    folder,
  );
}

/** The folders of the content folder that have a desk of their own. */
export function deskFolders(): string[] {
  return environmentOnce().folders;
}

/**
 * The environment, read once per build (it asks git for the origin); in
 * `npm run dev` once per second at most, so a new folder shows on reload.
 */
let environment: { value: ReturnType<typeof deskEnvironment>; at: number } | undefined;
function environmentOnce() {
  if (!environment || Date.now() - environment.at > 1000) {
    environment = { value: deskEnvironment(), at: Date.now() };
  }
  return environment.value;
}

/** What the desk's page hands its script: the newsroom's zone and the story format's options. */
export function deskPageData() {
  return {
    timeZone: site.timeZone,
    format: storyFormatOptions(toolSchema),
    site: {
      timeZone: site.timeZone,
      base: site.base,
      sections: Object.fromEntries(site.sections.map(({ slug, name }) => [slug, name])),
    },
  };
}
