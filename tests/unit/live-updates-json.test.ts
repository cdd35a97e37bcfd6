import { expect, test } from "vitest";
import { liveUpdatesJson } from "../../src/distribution/live-updates-json.ts";
import { renderMarkdown } from "../support/markdown.ts";

const NY = "America/New_York";
const story = `The storm is moving north.

## 2021-03-02 01:10 — After midnight

Next day, with <a href="https://example.com/">a link</a>.

## 2021-03-01 19:45

Evening.`;

test("each update as the page shows it, newest first, with its day line", async () => {
  const html = await renderMarkdown(story, { developing: true });
  const json = liveUpdatesJson(html, NY);
  expect(json.reload).toBe(false);
  expect(json.updates.map(({ id, time, timeText, day }) => [id, time, timeText, day])).toEqual([
    ["update-2021-03-02-0110", "2021-03-02T01:10:00-05:00", "1:10 a.m. EST", "2021-03-02"],
    ["update-2021-03-01-1945", "2021-03-01T19:45:00-05:00", "7:45 p.m. EST", "2021-03-01"],
  ]);
  // Exactly the page's markup: inserting it shows what a reload would.
  for (const update of json.updates) expect(html).toContain(update.html);
  expect(json.updates[0]?.html).toMatch(
    /^<section class="update is-latest" id="update-2021-03-02-0110">/,
  );
  expect(json.updates[0]?.html).toContain('<a href="https://example.com/">a link</a>');
  expect(json.updates[1]?.dayHtml).toBe(
    '<p class="update-day"><time datetime="2021-03-01">Monday, March 1, 2021</time></p>',
  );
});

test("a story without updates has an empty list", () => {
  expect(liveUpdatesJson("<p>Text.</p>", NY)).toEqual({ updates: [], reload: false });
});

test("updates whose pictures only a page build fills in ask the page to reload", () => {
  const html =
    '<div class="live-updates"><section class="update" id="u"><h2><time datetime="2021-03-01T19:45:00-05:00">7:45</time></h2><img __ASTRO_IMAGE_="{}"></section></div>';
  expect(liveUpdatesJson(html, NY).reload).toBe(true);
});
