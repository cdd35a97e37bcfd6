import { expect, test } from "vitest";
import { renderMarkdown } from "../support/markdown.ts";

const story = `The storm is moving north.

## 2021-03-01 14:00

First update, written first.

## Key points

- Evacuations ordered
- Roads closed

## 2021-03-01 19:45 — Order lifted

Latest update.

## 2021-03-01 16:30

Middle update.`;

test("updates render newest first, each with its anchor and time", async () => {
  const html = await renderMarkdown(story, { dateline: "Porto", source: "AP" });
  const ids = [...html.matchAll(/<section class="update[^"]*" id="([^"]+)">/g)].map((m) => m[1]);
  expect(ids).toEqual([
    "update-2021-03-01-1945",
    "update-2021-03-01-1630",
    "update-2021-03-01-1400",
  ]);
  expect(html).toContain(
    '<a href="#update-2021-03-01-1945" class="update-link"><time datetime="2021-03-01T19:45:00-05:00">7:45 p.m. EST</time></a> <span class="update-title">Order lifted</span></h2>',
  );
  expect(html.indexOf("Latest update.")).toBeLessThan(html.indexOf("Middle update."));
});

test("the newest update, and only it, is marked Latest", async () => {
  const html = await renderMarkdown(story);
  expect(html.match(/class="latest-mark"/g)).toHaveLength(1);
  expect(html).toMatch(
    /<section class="update is-latest" id="update-2021-03-01-1945">\s*<h2[^>]*><span class="latest-mark">Latest<\/span> <a/,
  );
  expect(html.match(/is-latest/g)).toHaveLength(1);
});

test("each day is named once, above its newest update; times show no date", async () => {
  const overnight = `Intro.

## 2021-03-02 01:10 — After midnight

Next day.

## 2021-03-01 23:50

Late.

## 2021-03-01 19:45

Evening.`;
  const html = await renderMarkdown(overnight);
  const days = [
    ...html.matchAll(/<p class="update-day"><time datetime="([^"]+)">([^<]+)<\/time><\/p>/g),
  ];
  expect(days.map((m) => [m[1], m[2]])).toEqual([
    ["2021-03-02", "Tuesday, March 2, 2021"],
    ["2021-03-01", "Monday, March 1, 2021"],
  ]);
  // Each day line comes right before the first update of its day.
  expect(html.indexOf("Tuesday")).toBeLessThan(html.indexOf("update-2021-03-02-0110"));
  expect(html.indexOf("Monday")).toBeGreaterThan(html.indexOf("Next day."));
  expect(html.indexOf("Monday")).toBeLessThan(html.indexOf("update-2021-03-01-2350"));
  const times = [...html.matchAll(/<a [^>]*class="update-link"><time [^>]*>([^<]+)<\/time>/g)];
  expect(times.map((m) => m[1])).toEqual(["1:10 a.m. EST", "11:50 p.m. EST", "7:45 p.m. EST"]);
});

test("the intro keeps the dateline and the key points come before the updates", async () => {
  const html = await renderMarkdown(story, { dateline: "Porto", source: "AP" });
  expect(
    html.startsWith('<p><span class="dateline">Porto (AP) —</span> The storm is moving north.</p>'),
  ).toBe(true);
  expect(html.indexOf('<section class="key-points">')).toBeLessThan(
    html.indexOf('<div class="live-updates">'),
  );
  expect(html).toContain("<li>Evacuations ordered</li>");
});

test("a story without updates is untouched", async () => {
  expect(await renderMarkdown("Text.\n\n## Background\n\nMore.")).toBe(
    '<p>Text.</p>\n<h2 id="background">Background</h2>\n<p>More.</p>',
  );
});

test("a developing story reads live-first: key points, the newest updates, then the background", async () => {
  const html = await renderMarkdown(story, { dateline: "Porto", source: "AP", developing: true });
  const at = (text: string) => html.indexOf(text);
  expect(at('<section class="key-points">')).toBe(0);
  expect(at('<section class="key-points">')).toBeLessThan(at('<div class="live-updates">'));
  expect(at('<div class="live-updates">')).toBeLessThan(at('<section class="background">'));
  // The story so far keeps its dateline, under a heading of its own.
  expect(html).toMatch(
    /<section class="background">\s*<h2 class="background-title"[^>]*>Background<\/h2>\s*<p><span class="dateline">Porto \(AP\) —<\/span> The storm is moving north.<\/p>/,
  );
});

test("a developing story without text before its updates has no background section", async () => {
  const html = await renderMarkdown("## 2021-03-01 14:00\n\nFirst.", { developing: true });
  expect(html).not.toContain("background");
});
