import { expect, test } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

// Screenshots for people to look at (tests/e2e/screenshots/, not committed):
// phone and desktop widths, light and dark, and the print rendering. The
// checks are what a reader would notice first: no sideways scrolling.
const widths = [375, 1280] as const;
const schemes = ["light", "dark"] as const;

const pages = {
  article: SEED_PATH,
  front: "",
  section: "politics/",
  tag: "tags/storms/",
  search: "search/?q=Kislyak",
  developing: "developing/",
  "404": "no/such/page/",
  about: "about/",
} as const;

for (const [name, path] of Object.entries(pages)) {
  for (const width of widths) {
    for (const colorScheme of schemes) {
      test(`${name} at ${width}px, ${colorScheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto(siteUrl(path));
        // The search page's results arrive after the page: wait for them.
        if (name === "search") await page.locator(".search-results li").first().waitFor();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: `tests/e2e/screenshots/${name}-${width}-${colorScheme}.png`,
          fullPage: true,
        });
      });
    }
  }
}

test("article in print", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.emulateMedia({ media: "print" });
  await page.goto(siteUrl(SEED_PATH));
  await expect(page.locator(".banner")).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await page.screenshot({ path: "tests/e2e/screenshots/article-print.png", fullPage: true });
});

test("the article fits a 320px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(siteUrl(SEED_PATH));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
