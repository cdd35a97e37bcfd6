import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

/** Everything the browser refused under the site's Content-Security-Policy. */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

for (const path of [
  "",
  SEED_PATH,
  "2021/03/01/world/storm-developing-fixture/",
  "politics/",
  "search/?q=storm",
  "developing/",
]) {
  test(`the Content-Security-Policy allows everything /${path} does`, async ({ page }) => {
    const violations = collectViolations(page);
    const response = await page.goto(siteUrl(path));
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
}

test("the banner's script runs under the policy: dismissal works", async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto(siteUrl(SEED_PATH));
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await expect(page.locator(".banner")).toBeHidden();
  expect(violations).toEqual([]);
});

test('searching for "Kislyak" lands on the seed article', async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto(siteUrl("search/"));
  await page.getByLabel("Search stories").fill("Kislyak");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const result = page.locator(".search-results a").first();
  await expect(result).toHaveText(
    "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
  );
  await expect(page.locator(".search-results .card-dek").first()).toContainText("Kislyak");
  await result.click();
  await expect(page).toHaveURL(siteUrl(SEED_PATH));
  expect(violations).toEqual([]);
});

test("search results exclude navigation, banner and related stories", async ({ page }) => {
  // The skip link's words are on every page but in no story.
  await page.goto(siteUrl("search/?q=Skip"));
  await expect(page.locator(".search-status")).toHaveText("No stories match “Skip”.");
  // The "N min read" line under every headline is page furniture too.
  await page.goto(siteUrl("search/?q=min%20read"));
  await expect(page.locator(".search-status")).toHaveText("No stories match “min read”.");
  // The harbour story's headline is in other stories' related boxes too: only its own page may match.
  await page.goto(siteUrl("search/?q=Harbour"));
  await expect(page.locator(".search-status")).toHaveText("1 story matches “Harbour”.");
  await expect(page.locator(".search-results a")).toHaveText([/Harbour reopens/]);
});

test("without JavaScript the search page says so and offers the section index", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl("search/"));
  await expect(page.locator(".notice")).toBeVisible();
  await expect(page.locator(".notice")).toContainText("needs JavaScript");
  await expect(page.locator(".search-form")).toBeHidden();
  await page.locator(".notice").getByRole("link", { name: "sections" }).click();
  await expect(page).toHaveURL(siteUrl("sections/"));
  await context.close();
});

test("every page announces the site's feeds", async ({ page }) => {
  for (const path of ["", SEED_PATH, "tags/"]) {
    await page.goto(siteUrl(path));
    const feeds = page.locator('head link[rel="alternate"]');
    await expect(feeds.filter({ hasText: "" })).toHaveCount(await feeds.count());
    expect(await feeds.evaluateAll((links) => links.map((l) => l.getAttribute("type")))).toEqual(
      expect.arrayContaining([
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
      ]),
    );
  }
});
