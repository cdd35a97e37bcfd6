import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { siteUrl } from "../support/site.ts";

const STORM_UPDATED = "2021-03-01T19:45:00-05:00";

test("the front page leads with the featured story, then top stories and the live block", async ({
  page,
}) => {
  await page.goto(siteUrl());
  await expect(page.locator("h1")).toHaveCount(1);
  const top = page.getByRole("region", { name: "Top stories" });
  const lead = top.locator(".top-lead");
  await expect(lead.getByRole("heading", { level: 2 })).toHaveText(/A late-night vote/);
  await expect(lead.locator(".card-dek")).toBeVisible();
  await expect(top.locator(".top-grid > li")).toHaveCount(5);

  const live = page.getByRole("region", { name: "Developing stories" });
  const story = live.locator(".live-item").first();
  await expect(story.locator(".live-mark")).toHaveText("Live");
  await expect(story.locator(".card-meta time")).toHaveAttribute("datetime", STORM_UPDATED);
  await expect(story.locator(".latest-updates a")).toHaveCount(3);
  await expect(story.locator(".latest-updates a").first()).toHaveAttribute(
    "href",
    "/2021/03/01/world/storm-developing-fixture/#update-2021-03-01-1945",
  );
  // Each story once, and no reading-time noise on every item.
  await expect(page.locator("main").getByRole("link", { name: /Storm moves up/ })).toHaveCount(1);
  await expect(page.locator("main")).not.toContainText("min read");
});

test("the front page uses a desktop's width in columns, and one column on a phone", async ({
  page,
}) => {
  const tops = page.locator(".top-grid > li:not(.top-lead)");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(siteUrl());
  const wide = await tops.evaluateAll((items) => items.map((li) => li.getBoundingClientRect()));
  expect(new Set(wide.map((box) => Math.round(box.x))).size).toBeGreaterThanOrEqual(3);
  const content = await page.locator(".front-page").boundingBox();
  expect(content?.width).toBeGreaterThan(1000);
  expect(content?.width).toBeLessThanOrEqual(1280);

  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await tops.evaluateAll((items) => items.map((li) => li.getBoundingClientRect()));
  expect(new Set(narrow.map((box) => Math.round(box.x))).size).toBe(1);
});

test("images: width and height set, one eager image, the rest lazy", async ({ page }) => {
  await page.goto(siteUrl());
  const images = await page
    .locator("main img")
    .evaluateAll((imgs) =>
      imgs.map((img) => [
        img.getAttribute("width"),
        img.getAttribute("height"),
        img.getAttribute("loading"),
      ]),
    );
  expect(images.length).toBeGreaterThan(0);
  for (const [width, height] of images) {
    expect(Number(width)).toBeGreaterThan(0);
    expect(Number(height)).toBeGreaterThan(0);
  }
  expect(images.filter(([, , loading]) => loading === "eager")).toHaveLength(1);
});

test("a section page opens with its top stories, without repeating the section", async ({
  page,
}) => {
  await page.goto(siteUrl("politics/"));
  const top = page.getByRole("region", { name: "Top stories in Politics" });
  await expect(top.locator(".top-lead h2")).toHaveText(/A late-night vote/);
  await expect(page.locator("main .kicker .section-label")).toHaveCount(0);
});

test("listings date a developing story by its last update", async ({ page }) => {
  await page.goto(siteUrl("tags/storms/"));
  const storm = page.locator(".article-list > li", { hasText: "Storm moves up the coast" });
  await expect(storm.locator(".card-meta")).toContainText("Updated");
  await expect(storm.locator(".card-meta time")).toHaveAttribute("datetime", STORM_UPDATED);
});

test("/developing/ lists each developing story with its latest updates", async ({ page }) => {
  await page.goto(siteUrl("developing/"));
  const story = page.locator(".live-item").first();
  await expect(story.getByRole("heading", { level: 2 })).toHaveText(/Storm moves up the coast/);
  await expect(story.locator(".latest-updates li")).toHaveCount(3);
  await expect(story.locator(".latest-updates")).toContainText("Evacuation order lifted");
  await expect(page.getByRole("region", { name: "Stay updated" })).toBeVisible();
});

// The reader-site spec scans every page kind in the light theme; these the dark one too.
for (const path of ["politics/", "tags/storms/", "search/?q=Kislyak", "developing/", "about/"]) {
  test(`axe finds no violations on /${path} in the dark theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(siteUrl(path));
    if (path.startsWith("search")) await page.locator(".search-results mark").first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
