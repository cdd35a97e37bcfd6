import { join } from "node:path";
import { expect, test } from "vitest";
import config from "../../astro.config.ts";
import { RenderPool } from "../../src/markdown/render-pool.ts";
import { unified } from "@astrojs/markdown-remark";
import type { MarkdownSite } from "../../src/markdown/plugins.ts";
import {
  pipelineFingerprint,
  siteMarkdown,
  siteOf,
  type SiteMarkdown,
} from "../../src/markdown/site-markdown.ts";
import { site } from "../../src/site.config.ts";
import { ROOT } from "../support/build.ts";
import { storiesIn } from "../support/stories.ts";

const FAKE = new URL("../support/fake-render-worker.ts", import.meta.url);

/** Every story of the fixture site, as the loader hands them to a renderer. */
const fixtureStories = () => storiesIn(join(ROOT, "tests/fixtures/site"));

test("astro.config.ts gives Astro the site's Markdown pipeline, which the pool's threads can make", () => {
  const configured = config.markdown?.processor;
  const made = siteOf(configured);
  expect(made).toEqual({ base: "/", timeZone: site.timeZone, shortName: site.shortName });
  expect(pipelineFingerprint(configured as SiteMarkdown)).toBe(
    pipelineFingerprint(siteMarkdown(made as MarkdownSite)),
  );
  // The print tells pipelines apart: another base path is another pipeline.
  expect(pipelineFingerprint(siteMarkdown({ ...(made as MarkdownSite), base: "/news/" }))).not.toBe(
    pipelineFingerprint(configured as SiteMarkdown),
  );
  // A processor made otherwise carries no settings: its stories are rendered in the sync's thread.
  expect(siteOf(unified({}))).toBeUndefined();
});

test("the pool's threads render every fixture story exactly as this thread does", async () => {
  const made = { base: "/news/", timeZone: site.timeZone, shortName: site.shortName };
  const shared = { syntaxHighlight: false, image: { domains: [], remotePatterns: [] } };
  const here = await siteMarkdown(made).createRenderer(shared as never);
  const pool = await RenderPool.start(
    { site: made, shared },
    pipelineFingerprint(siteMarkdown(made)),
    2,
  );
  if (typeof pool === "string") throw new Error(pool);
  try {
    const stories = fixtureStories();
    expect(stories.length).toBeGreaterThan(4);
    const threads = await Promise.all(stories.map((story) => pool.render(story)));
    for (const [index, story] of stories.entries()) {
      const expected = await here.render(story.body, {
        frontmatter: story.frontmatter,
        fileURL: new URL(story.fileURL),
      });
      expect(threads[index]?.html).toBe(expected.code);
      expect(threads[index]?.localImagePaths).toEqual(expected.metadata.localImagePaths);
    }
    // The base path reached the threads: the fixture links between stories.
    expect(threads.some((rendered) => rendered.html.includes('href="/news/'))).toBe(true);
  } finally {
    await pool.close();
  }
});

test("a pool whose threads build another pipeline does not start, and says why", async () => {
  const started = await RenderPool.start(
    { site: { base: "/", timeZone: "UTC", shortName: "X" }, shared: {} },
    "another pipeline",
    1,
  );
  expect(started).toMatch(/not the site's/);
});

test("a story that fails fails alone; a thread that dies fails its stories and is replaced", async () => {
  const pool = await RenderPool.start(
    { site: { base: "/", timeZone: "UTC", shortName: "X" }, shared: {} },
    "fake",
    1,
    {
      worker: FAKE,
      data: { print: "fake" },
    },
  );
  if (typeof pool === "string") throw new Error(pool);
  try {
    const story = (body: string) => pool.render({ body, frontmatter: {}, fileURL: "file:///x.md" });
    const results = await Promise.allSettled([
      story("one"),
      story("BOOM"),
      story("two"),
      story("DIE"),
      story("three"),
      story("four"),
    ]);
    expect(results[0]).toEqual({
      status: "fulfilled",
      value: expect.objectContaining({ html: "<p>one</p>" }),
    });
    expect(results[1]).toMatchObject({
      status: "rejected",
      reason: { message: "Failed to parse" },
    });
    expect((results[1] as PromiseRejectedResult).reason.cause.message).toBe(
      "Maximum call stack size exceeded",
    );
    expect(results[2]).toMatchObject({ status: "fulfilled", value: { html: "<p>two</p>" } });
    // The thread died with DIE and three in flight: each was tried again
    // alone, so only the story that kills a thread fails.
    expect(results[3]).toMatchObject({
      status: "rejected",
      reason: { message: expect.stringMatching(/exit code 3/) },
    });
    expect(results[4]).toMatchObject({ status: "fulfilled", value: { html: "<p>three</p>" } });
    expect(results[5]).toMatchObject({ status: "fulfilled", value: { html: "<p>four</p>" } });
  } finally {
    await pool.close();
  }
});
