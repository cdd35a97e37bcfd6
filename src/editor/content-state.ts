import { join } from "node:path";
import { extractUpdates } from "../news/live-updates.ts";
import type { TimedStory } from "../news/time-rules.ts";
import { site } from "../site/site.ts";
import { buildInfo, recordBuildInfo } from "./build-info.ts";
import type { CheckedArticle } from "./check-content.ts";
import { perReading } from "./check-rules.ts";
import {
  codeDigest,
  loadSnapshot,
  saveSnapshot,
  SNAPSHOT_FILE,
  takeSnapshot,
  type ContentSnapshot,
  type SnapshotArticle,
} from "./content-snapshot.ts";
import type { ToolArticleData } from "./validate-article.ts";

/**
 * An article as the rules that depend on the build's time read it, from
 * what `npm run check` and the build's loader read (src/editor/check-content.ts):
 * its times, from its frontmatter and its live updates, with its text for
 * the content's digest.
 */
export function snapshotArticle(article: CheckedArticle, timeZone: string): SnapshotArticle {
  // The schema's whole output, as readArticle keeps it (src/editor/validate-article.ts);
  // the rules' type names only the fields they use.
  const data = article.data as unknown as Pick<
    ToolArticleData,
    "published" | "draft" | "developing" | "timeUnknown" | "updated"
  >;
  // Only a developing story's updates are shown by the day (src/news/time-rules.ts),
  // and reading them parses the story; kept with the file's reading while it
  // is unchanged (`astro dev`'s runs).
  const latest = !data.developing
    ? undefined
    : perReading(article, `latest update ${timeZone}`, () => {
        const { updates } = extractUpdates(article.checked.body, {
          published: data.published,
          timeZone,
        });
        return updates[0]?.time;
      });
  const story: Omit<TimedStory, "file"> = {
    published: data.published,
    draft: data.draft,
    developing: data.developing,
    timeUnknown: data.timeUnknown,
    // As src/news/articles.ts works it out for the pages.
    lastChange: data.updated ?? latest ?? data.published,
    latestUpdate: latest,
  };
  return { path: article.checked.path, text: article.text, story };
}

/**
 * The content folder `dir` as the rules read it (`articles`, from
 * checkContent), taken and kept in the cache folder for the next `due`: the
 * one function by which the build and `npm run due` work out the stories'
 * times and the content's digest. Returns the snapshot kept before, too.
 */
export function contentState(
  dir: string,
  articles: readonly CheckedArticle[],
  options: { cwd: string; cacheFolder: string },
): { snapshot: ContentSnapshot; previous: ContentSnapshot | undefined } {
  const file = join(options.cacheFolder, SNAPSHOT_FILE);
  const previous = loadSnapshot(file);
  const snapshot = takeSnapshot(
    dir,
    articles.map((article) => snapshotArticle(article, site.timeZone)),
    {
      code: codeDigest(options.cwd),
      // This process started before it read any file: a file changed since
      // is read again next time rather than trusted.
      since: performance.timeOrigin,
      previous,
    },
  );
  saveSnapshot(file, snapshot);
  return { snapshot, previous };
}

/**
 * The build's part, from its content loader: the content's state at the
 * build's time `now`, kept for `due`, and build.json worked out for
 * src/integrations/build-info.ts to write into the site.
 */
export function noteBuild(
  dir: string,
  articles: readonly CheckedArticle[],
  options: { cwd: string; cacheFolder: string; now: Date },
): void {
  const { snapshot } = contentState(dir, articles, options);
  recordBuildInfo(
    buildInfo(snapshot, options.now, {
      timeZone: site.timeZone,
      liveForHours: site.liveForHours,
      cwd: options.cwd,
    }),
  );
}
