import { expect, test } from "@playwright/test";
import { siteUrl } from "../support/site.ts";

const STORM = "2021/03/01/world/storm-developing-fixture/";
const KEY = "dateline:banner-dismissed";

test("the banner on the front page leads to the developing story's latest update", async ({
  page,
}) => {
  await page.goto(siteUrl());
  const banner = page.getByRole("complementary", { name: "Stay Updated on Developing Stories" });
  await expect(banner).toContainText("Live Fixture: Storm moves up the coast");
  // A phone gets the short form of the same time.
  await expect(banner.locator(".banner-wide time")).toHaveText("March 1, 2021, 7:45 p.m. EST");
  await expect(banner.locator(".banner-narrow time")).toHaveText("March 1, 2021");
  await expect(banner.locator(".banner-wide time")).toHaveAttribute(
    "datetime",
    "2021-03-01T19:45:00-05:00",
  );
  await banner.getByRole("link", { name: /Storm moves up the coast/ }).click();
  await expect(page).toHaveURL(siteUrl(`${STORM}#update-2021-03-01-1945`));
  const latest = page.locator("#update-2021-03-01-1945");
  await expect(latest).toBeInViewport();
  await expect(latest).toContainText("Evacuation order lifted");
});

test("the timeline runs newest first, under the key points", async ({ page }) => {
  await page.goto(siteUrl(STORM));
  await expect(page.locator(".update")).toHaveCount(3);
  // The day once, then times of day; the newest marked "Latest".
  await expect(page.locator(".update-day")).toHaveText(["Monday, March 1, 2021"]);
  await expect(page.locator(".update-time time")).toHaveText([
    "7:45 p.m. EST",
    "4:30 p.m. EST",
    "2:00 p.m. EST",
  ]);
  await expect(page.locator(".latest-mark")).toHaveCount(1);
  await expect(page.locator(".update").first().locator(".latest-mark")).toHaveText("Latest");
  // The header's own line says when the story was updated, once.
  await expect(page.locator(".article-meta")).toContainText("Updated 7:45 p.m. EST");
  const keyPointsBox = await page.locator(".key-points").boundingBox();
  const timelineBox = await page.locator(".live-updates").boundingBox();
  expect(keyPointsBox && timelineBox && keyPointsBox.y < timelineBox.y).toBe(true);
  await expect(page.locator(".updated time")).toHaveAttribute(
    "datetime",
    "2021-03-01T19:45:00-05:00",
  );
});

test("a dismissed banner comes back when a newer update is published", async ({ page }) => {
  await page.goto(siteUrl());
  // Dismissed before the latest update (7:45 p.m.): the banner returns.
  await page.evaluate((key) => localStorage.setItem(key, "2021-03-01T19:00:00-05:00"), KEY);
  await page.reload();
  await expect(page.locator(".banner")).toBeVisible();
  // Dismissed after it: the banner stays away.
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await page.reload();
  await expect(page.locator(".banner")).toBeHidden();
  await page.evaluate((key) => localStorage.setItem(key, "2021-03-01T20:00:00-05:00"), KEY);
  await page.goto(siteUrl(STORM));
  await expect(page.locator(".banner")).toBeHidden();
});
