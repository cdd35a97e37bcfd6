import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readArticle } from "../../src/editor/check-article.ts";

/** A story as the content loader hands it to a Markdown renderer. */
export interface StoryToRender {
  /** Its file, relative to the folder. */
  name: string;
  body: string;
  frontmatter: Record<string, unknown>;
  fileURL: string;
}

/** Every story in a folder (README.md aside), read as the loader reads it. */
export function storiesIn(folder: string): StoryToRender[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md") && !file.endsWith("README.md"))
    .map((file) => {
      const path = join(folder, file);
      const { article, raw } = readArticle(readFileSync(path), { file, path, id: file });
      if (!article || !raw) throw new Error(`${file} does not read`);
      return {
        name: file,
        body: article.checked.body.trim(),
        frontmatter: raw,
        fileURL: pathToFileURL(path).href,
      };
    });
}
