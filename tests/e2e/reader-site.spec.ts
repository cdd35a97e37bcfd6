import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

const PAGES = {
  front: "",
  section: "politics/",
  tag: "tags/jeff-sessions/",
  people: "people/kaitlan-collins/",
  "day archive": "2020/05/26/",
  "month archive": "2020/05/",
  "year archive": "2020/",
  article: SEED_PATH,
  "article with image": "2021/03/02/world/harbour-reopens-fixture/",
  "tag index": "tags/",
  "people index": "people/",
  "section index": "sections/",
  about: "about/",
  corrections: "corrections/",
  contact: "contact/",
  feeds: "feeds/",
  developing: "developing/",
  "404": "no/such/page/",
} as const;

for (const [kind, path] of Object.entries(PAGES)) {
  test(`axe finds no violations on the ${kind} page`, async ({ page }) => {
    await page.goto(siteUrl(path));
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await expect(page.locator("h1")).toHaveCount(1);
  });
}

test("every date prefix of a permalink is a listing that includes the story", async ({ page }) => {
  const prefixes = ["2020/05/26/", "2020/05/", "2020/"];
  for (const prefix of prefixes) {
    const response = await page.goto(siteUrl(prefix));
    expect(response?.status(), prefix).toBe(200);
    await expect(page.getByRole("link", { name: /Jeff Sessions says his recusal/ })).toBeVisible();
  }
});

test("a day's page lists the day's stories by section, each section an anchor", async ({
  page,
}) => {
  await page.goto(siteUrl("2020/05/26/#politics"));
  const politics = page.getByRole("region", { name: "Politics" });
  await expect(politics.getByRole("heading", { level: 2 })).toHaveAttribute("id", "politics");
  await expect(
    politics.getByRole("heading", { level: 3, name: /Jeff Sessions says his recusal/ }),
  ).toBeVisible();
  await expect(politics.getByRole("link", { name: "Politics", exact: true })).toHaveAttribute(
    "href",
    siteUrl("politics/").replace(/^https?:\/\/[^/]+/, ""),
  );
});

test("a people page lists what the person did, with the role", async ({ page }) => {
  await page.goto(siteUrl("people/kaitlan-collins/"));
  await expect(page.locator("h1")).toHaveText("Kaitlan Collins");
  const items = page.locator(".article-list > li");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Contributed reporting");
});

test("contributor names link to their people pages", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  await page.locator(".contributors").getByRole("link", { name: "Maegan Vazquez" }).click();
  await expect(page).toHaveURL(siteUrl("people/maegan-vazquez/"));
  await expect(page.getByRole("link", { name: /Jeff Sessions says/ })).toBeVisible();
});

test("related stories close every article, never the article itself", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  // The seed shares nothing with the other stories: its section's newest, labelled so.
  const related = page.getByRole("complementary", { name: "More in Politics" });
  const links = related.getByRole("listitem").getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  expect(await links.count()).toBeLessThanOrEqual(4);
  for (const href of await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")))) {
    expect(href).not.toBe(`/${SEED_PATH}`);
  }
  await expect(related).not.toContainText("unfinished draft");
});

test("a missing page is a useful 404", async ({ page }) => {
  const response = await page.goto(siteUrl("2020/05/26/politics/no-such-story/"));
  expect(response?.status()).toBe(404);
  await expect(page.locator("h1")).toHaveText("We can't find that page");
  await expect(page.getByRole("link", { name: "searching the archive" })).toBeVisible();
  await expect(page.getByRole("link", { name: "front page" })).toBeVisible();
  await expect(page.locator(".article-list > li")).not.toHaveCount(0);
  // No address of its own: no canonical URL, and not for search engines.
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
});

test("drafts are nowhere in a production build", async ({ page }) => {
  await page.goto(siteUrl("business/"));
  await expect(page.locator("main")).not.toContainText("unfinished draft");
  const response = await page.goto(siteUrl("2021/02/27/business/draft-fixture/"));
  expect(response?.status()).toBe(404);
});

/** Tabs until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline, `visible focus on ${selector}`).not.toMatch(/^none|0px$/);
      return;
    }
  }
  throw new Error(`No focusable element matching ${selector} within ${limit} tabs`);
}

test("keyboard only: front page to an article to its section, with visible focus", async ({
  page,
}) => {
  await page.goto(siteUrl());
  await tabTo(page, `a[href="/${SEED_PATH}"]`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(siteUrl(SEED_PATH));
  await tabTo(page, 'article a.section-label[href="/politics/"]');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(siteUrl("politics/"));
  await expect(page.locator("h1")).toHaveText("Politics");
});

for (const width of [320, 375]) {
  test(`header and footer fit ${width}px without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["", "politics/", SEED_PATH]) {
      await page.goto(siteUrl(path));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    }
  });
}
