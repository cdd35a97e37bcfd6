import { expect, test } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

// Every kind of page at a phone's, a tablet's and a desktop's width, and
// stories in print, checked for what a reader would notice first: no
// sideways scrolling, no masthead or banner on paper. With
// DATELINE_SCREENSHOTS=1 (`npm run screenshots`) each is also saved for
// people to look at (tests/e2e/screenshots/, not committed), light and dark:
// 86 full pages, a seventh of the browser tests' time, which `npm test`
// leaves out. Lazily drawn blocks are drawn for the shot.
const widths = [375, 768, 1280] as const;
const schemes = ["light", "dark"] as const;
const shots = process.env["DATELINE_SCREENSHOTS"] === "1";

const pages = {
  article: SEED_PATH,
  "article-photo": "2021/03/02/world/harbour-reopens-fixture/",
  "article-live": "2021/03/01/world/storm-developing-fixture/",
  front: "",
  section: "politics/",
  tag: "tags/storms/",
  person: "people/ada-reporter/",
  day: "2021/02/24/",
  month: "2021/02/",
  search: "search/?q=Kislyak",
  developing: "developing/",
  feeds: "feeds/",
  "404": "no/such/page/",
  about: "about/",
} as const;

for (const [name, path] of Object.entries(pages)) {
  test(`${name} at ${widths.join(", ")} px`, async ({ page }) => {
    await page.setViewportSize({ width: widths[0], height: 900 });
    await page.goto(siteUrl(path));
    // The search page's results arrive after the page: wait for them.
    if (name === "search") await page.locator(".search-results li").first().waitFor();
    await page.evaluate(() => {
      for (const block of document.querySelectorAll<HTMLElement>(".section-block")) {
        block.style.contentVisibility = "visible";
      }
    });
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
      if (!shots) continue;
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({
          path: `tests/e2e/screenshots/${name}-${width}-${colorScheme}.png`,
          fullPage: true,
        });
      }
    }
  });
}

for (const [name, path] of [
  ["article", SEED_PATH],
  ["article-live", "2021/03/01/world/storm-developing-fixture/"],
] as const) {
  test(`${name} in print`, async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.emulateMedia({ media: "print" });
    await page.goto(siteUrl(path));
    await expect(page.locator(".banner")).toBeHidden();
    await expect(page.locator(".site-header")).toBeHidden();
    if (!shots) return;
    await page.screenshot({ path: `tests/e2e/screenshots/${name}-print.png`, fullPage: true });
    await page.pdf({ path: `tests/e2e/screenshots/${name}-print.pdf`, preferCSSPageSize: true });
  });
}

test("the article fits a 320px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(siteUrl(SEED_PATH));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
