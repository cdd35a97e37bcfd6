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
  const ids = [...html.matchAll(/<section class="update" id="([^"]+)">/g)].map((m) => m[1]);
  expect(ids).toEqual([
    "update-2021-03-01-1945",
    "update-2021-03-01-1630",
    "update-2021-03-01-1400",
  ]);
  expect(html).toContain(
    '<a href="#update-2021-03-01-1945" class="update-link"><time datetime="2021-03-01T19:45:00-05:00">March 1, 2021, 7:45 p.m. EST</time></a> <span class="update-title">Order lifted</span></h2>',
  );
  expect(html.indexOf("Latest update.")).toBeLessThan(html.indexOf("Middle update."));
});

test("the intro keeps the dateline and the key points come before the updates", async () => {
  const html = await renderMarkdown(story, { dateline: "Porto", source: "AP" });
  expect(
    html.startsWith('<p><span class="dateline">Porto (AP) —</span> The storm is moving north.</p>'),
  ).toBe(true);
  expect(html.indexOf('<section class="key-points">')).toBeLessThan(
    html.indexOf('<section class="live-updates">'),
  );
  expect(html).toContain("<li>Evacuations ordered</li>");
});

test("a story without updates is untouched", async () => {
  expect(await renderMarkdown("Text.\n\n## Background\n\nMore.")).toBe(
    '<p>Text.</p>\n<h2 id="background">Background</h2>\n<p>More.</p>',
  );
});
