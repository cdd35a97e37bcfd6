import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { holesIn } from "../support/holes.ts";
import { siteUrl } from "../support/site.ts";

const STORM_UPDATED = "2021-03-01T19:45:00-05:00";

test("the front page leads with the featured story, then its slots, the live block and the latest", async ({
  page,
}) => {
  await page.goto(siteUrl());
  await expect(page.locator("h1")).toHaveCount(1);
  const top = page.getByRole("region", { name: "Top stories" });
  const lead = top.locator(".top-lead");
  await expect(lead.getByRole("heading", { level: 2 })).toHaveText(/A late-night vote/);
  await expect(lead.locator(".card-dek")).toBeVisible();
  // Four picture slots, each holding a story with a picture, then four text slots.
  await expect(top.locator(".row-picture > li")).toHaveCount(4);
  await expect(top.locator(".row-picture > li img")).toHaveCount(4);
  await expect(top.locator(".row-text > li")).toHaveCount(4);
  await expect(top.locator(".row-text img")).toHaveCount(0);

  const live = page.getByRole("region", { name: "Live" });
  const story = live.locator(".live-item").first();
  await expect(story.locator(".live-mark")).toHaveText("Live");
  await expect(story.locator(".card-meta time")).toHaveAttribute("datetime", STORM_UPDATED);
  await expect(story.locator(".latest-updates a")).toHaveCount(3);
  await expect(story.locator(".latest-updates a").first()).toHaveAttribute(
    "href",
    "/2021/03/01/world/storm-developing-fixture/#update-2021-03-01-1945",
  );
  await expect(
    page.getByRole("region", { name: "Latest" }).locator(".row-headline > li"),
  ).toHaveCount(4);
  // Each story once, and no reading-time noise on every item.
  await expect(page.locator("main").getByRole("link", { name: /Storm moves up/ })).toHaveCount(1);
  await expect(page.locator("main")).not.toContainText("min read");
});

test("section blocks take the pattern their pictures fit, and the page closes with ways on", async ({
  page,
}) => {
  await page.goto(siteUrl());
  const politics = page.getByRole("region", { name: "Politics" });
  await expect(politics).toHaveClass(/block-two-pictures/);
  await expect(politics.locator(".row-picture > li img")).toHaveCount(2);
  await expect(politics.locator(".row-headline > li")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Business" })).toHaveClass(/block-text/);
  // No page counter as the close: the ways on to more stories.
  await expect(page.locator("main")).not.toContainText(/Page \d+ of/);
  const more = page.getByRole("navigation", { name: "More stories" });
  await expect(more.getByRole("link", { name: "All of today's stories" })).toHaveAttribute(
    "href",
    "/2021/03/02/",
  );
  await expect(more.getByRole("link", { name: "Search the archive" })).toBeVisible();
});

// The fronts have no holes: whatever the mix of stories with and without
// pictures, no card leaves an empty band taller than a line of text in its
// row, at a phone's, a tablet's or a desktop's width, lazily drawn blocks
// included.
test("no card on a front leaves a hole taller than a line of text", async ({ page }) => {
  const fronts = ["", "politics/", "world/", "business/", "developing/"];
  for (const width of [375, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of fronts) {
      await page.goto(siteUrl(path));
      const line = await page.evaluate(() =>
        parseFloat(getComputedStyle(document.body).lineHeight),
      );
      const holes = await holesIn(page);
      expect(holes.length, path).toBeGreaterThan(0);
      const tall = holes.filter((hole) => hole.gap > line);
      expect(tall, `${width}px /${path}`).toEqual([]);
    }
  }
});

test("the front page uses a desktop's width in columns, and one column on a phone", async ({
  page,
}) => {
  const pictures = page.locator(".top-stories .row-picture > li");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(siteUrl());
  const wide = await pictures.evaluateAll((items) => items.map((li) => li.getBoundingClientRect()));
  expect(new Set(wide.map((box) => Math.round(box.x))).size).toBe(4);
  expect(new Set(wide.map((box) => Math.round(box.y))).size).toBe(1);
  const content = await page.locator(".front-page").boundingBox();
  expect(content?.width).toBeGreaterThan(1000);
  expect(content?.width).toBeLessThanOrEqual(1280);

  await page.setViewportSize({ width: 768, height: 900 });
  const tablet = await pictures.evaluateAll((items) =>
    items.map((li) => li.getBoundingClientRect()),
  );
  expect(new Set(tablet.map((box) => Math.round(box.x))).size).toBe(2);

  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await pictures.evaluateAll((items) =>
    items.map((li) => li.getBoundingClientRect()),
  );
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

test("a section page opens with a lead with its picture, without repeating the section", async ({
  page,
}) => {
  await page.goto(siteUrl("politics/"));
  const top = page.getByRole("region", { name: "Top stories in Politics" });
  await expect(top.locator(".top-lead img")).toHaveCount(1);
  await expect(top.locator(".top-lead h2")).toHaveText(/Town hall gets a new clock/);
  await expect(page.locator("main .kicker .section-label")).toHaveCount(0);
  // No label a newsroom's reader would not say: the page's name is its heading.
  await expect(page.locator(".eyebrow")).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: "Follow Politics in a news reader app" }),
  ).toHaveAttribute("href", "/feeds/#politics");
});

test("listings date a developing story by its last update", async ({ page }) => {
  await page.goto(siteUrl("tags/storms/"));
  const storm = page.locator(".article-list > li", { hasText: "Storm moves up the coast" });
  await expect(storm.locator(".card-meta")).toContainText("Updated");
  await expect(storm.locator(".card-meta time")).toHaveAttribute("datetime", STORM_UPDATED);
});

test("a day's archive gives each story's time, and leads to the days before and after", async ({
  page,
}) => {
  await page.goto(siteUrl("2021/02/24/"));
  await expect(page.locator(".card-meta time")).toHaveText(["6:00 p.m. EST", "8:00 a.m. EST"]);
  const days = page.getByRole("navigation", { name: "Other days" });
  await expect(days.getByRole("link", { name: "← February 23, 2021" })).toHaveAttribute(
    "href",
    "/2021/02/23/",
  );
  await expect(days.getByRole("link", { name: "February 25, 2021 →" })).toHaveAttribute(
    "href",
    "/2021/02/25/",
  );
});

test("a person's page gives their role and biography when the newsroom wrote them", async ({
  page,
}) => {
  await page.goto(siteUrl("people/ada-reporter/"));
  await expect(page.locator("h1")).toHaveText("Ada Reporter");
  await expect(page.locator(".person-role")).toHaveText("Political correspondent");
  await expect(page.locator(".person-bio")).toContainText("covers elections");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute(
    "content",
    /covers elections/,
  );
  // Bylines go without saying on a reporter's page; a contribution is named.
  await page.goto(siteUrl("people/kaitlan-collins/"));
  await expect(page.locator(".person-role")).toHaveCount(0);
  await expect(page.locator(".card-meta .role").first()).toHaveText("Contributed reporting");
});

test("/developing/ lists each live story with its latest updates, and how to follow", async ({
  page,
}) => {
  await page.goto(siteUrl("developing/"));
  const story = page.locator(".live-item").first();
  await expect(story.getByRole("heading", { level: 2 })).toHaveText(/Storm moves up the coast/);
  await expect(story.locator(".latest-updates li")).toHaveCount(3);
  await expect(story.locator(".latest-updates")).toContainText("Evacuation order lifted");
  const follow = page.getByRole("region", { name: "Stay updated" });
  await expect(follow).toContainText("news reader app");
  await expect(follow.getByRole("link", { name: "RSS" })).toHaveAttribute(
    "href",
    "/developing/feed.xml",
  );
  // The page leads with the storm: the banner does not repeat it.
  await expect(page.locator(".banner .live-mark")).toHaveCount(0);
});

// The reader-site spec scans every page kind in the light theme; these the dark one too.
for (const path of [
  "politics/",
  "tags/storms/",
  "search/?q=Kislyak",
  "developing/",
  "about/",
  "people/ada-reporter/",
  "2021/02/24/",
]) {
  test(`axe finds no violations on /${path} in the dark theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(siteUrl(path));
    if (path.startsWith("search")) await page.locator(".search-results mark").first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
