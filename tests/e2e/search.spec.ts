import { expect, test } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

test("results appear as the reader types, styled like listing items", async ({ page }) => {
  await page.goto(siteUrl("search/"));
  // Typed key by key, and never submitted.
  await page.getByLabel("Search stories").pressSequentially("Kislyak", { delay: 30 });
  const first = page.locator(".search-results > li").first();
  await expect(first.getByRole("link")).toHaveText(
    "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
  );
  await expect(first.locator(".kicker")).toHaveText("Politics");
  await expect(first.locator(".card-meta")).toHaveText("May 26, 2020");
  const excerpt = first.locator(".card-dek");
  await expect(excerpt.locator("mark").first()).toHaveText(/Kislyak/i);
  await expect(excerpt).not.toContainText("says his recusal from Russia probe");
  await expect(page).toHaveURL(siteUrl("search/?q=Kislyak"));
});

test("a search with no results says so and offers ways on", async ({ page }) => {
  await page.goto(siteUrl("search/?q=zzyzxq"));
  await expect(page.locator(".search-status")).toHaveText("No stories match “zzyzxq”.");
  const help = page.locator(".search-help");
  await expect(help).toBeVisible();
  await expect(help.getByRole("link", { name: "sections" })).toHaveAttribute("href", "/sections/");
  await page.getByLabel("Search stories").fill("storm");
  await expect(page.locator(".search-results > li")).not.toHaveCount(0);
  await expect(help).toBeHidden();
});

test("the header's search box on every page leads to results", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  const box = page.getByRole("search").getByLabel("Search Dateline");
  await box.fill("harbour");
  await box.press("Enter");
  await expect(page).toHaveURL(siteUrl("search/?q=harbour"));
  await expect(page.locator(".search-results a")).toHaveText([/Harbour reopens/]);
});

test("a name with accents is found, and its link and its topic's lead to their pages", async ({
  page,
}) => {
  await page.goto(siteUrl("search/?q=Pérez"));
  const result = page.locator(".search-results > li").first().getByRole("link");
  await expect(result).toHaveText(/Markets close mixed/);
  await result.click();
  await page.getByRole("link", { name: "José Pérez" }).click();
  await expect(page).toHaveURL(siteUrl("people/jos%C3%A9-p%C3%A9rez/"));
  await expect(page.locator("h1")).toHaveText("José Pérez");
  await page.goBack();
  await page.getByRole("link", { name: "日経平均" }).click();
  await expect(page.locator("h1")).toHaveText("日経平均");
});

test("without JavaScript the header's search lands on the help of the search page", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl());
  await page.getByLabel("Search Dateline").fill("storm");
  await page.getByRole("button", { name: "Submit search" }).click();
  await expect(page).toHaveURL(siteUrl("search/?q=storm"));
  await expect(page.locator(".notice")).toContainText("the topics and the people");
  await context.close();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`match highlights stand out from the page (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(siteUrl("search/?q=Kislyak"));
    const mark = page.locator(".search-results mark").first();
    await expect(mark).toBeVisible();
    const [markBg, pageBg] = await mark.evaluate((el) => [
      getComputedStyle(el).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    ]);
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const [hi, lo] = [luminance(markBg ?? ""), luminance(pageBg ?? "")].sort((a, b) => b - a);
    // At least 1.5:1 against the page: a highlight the eye finds at a glance.
    expect(((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)).toBeGreaterThan(1.5);
  });
}

test("the header's box on the search page holds the query too, and follows the page's", async ({
  page,
}) => {
  await page.goto(siteUrl("search/?q=Kislyak"));
  await page.locator(".search-results li").first().waitFor();
  await expect(page.locator("#header-search-input")).toHaveValue("Kislyak");
  await page.getByLabel("Search stories").fill("storm");
  await expect(page.locator("#header-search-input")).toHaveValue("storm");
});

test("results come ten at a time, with a way to the rest", async ({ page }) => {
  await page.goto(siteUrl("search/?q=fictional"));
  const results = page.locator(".search-results > li");
  await expect(page.locator(".search-status")).toHaveText(/^1[0-9] stories match “fictional”\.$/);
  const total = Number((await page.locator(".search-status").textContent())?.match(/\d+/)?.[0]);
  await expect(results).toHaveCount(10);
  await page.getByRole("button", { name: "Show more" }).click();
  await expect(results).toHaveCount(total);
  await expect(page.getByRole("button", { name: "Show more" })).toBeHidden();
  // Carrying on from the first new result.
  await expect(results.nth(10).getByRole("link")).toBeFocused();
  const links = await results
    .getByRole("link")
    .evaluateAll((all) => all.map((a) => a.getAttribute("href")));
  expect(new Set(links).size).toBe(total);
});

test("excerpts are the story's own words, not its byline or its photo's credit", async ({
  page,
}) => {
  // Ben Writer's byline and the harbour photo's credit come first on the page.
  await page.goto(siteUrl("search/?q=reopened"));
  const excerpt = page.locator(".search-results .card-dek").first();
  await expect(excerpt).toContainText("reopened");
  await expect(excerpt).not.toContainText(/Ben Writer|Photo:|Dateline fixture|illustration/);
  await page.goto(siteUrl("search/?q=%22Ben%20Writer%22"));
  await expect(page.locator(".search-status")).toHaveText(/No stories match/);
});
