import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

test.describe("the seed article page", () => {
  test("shows headline, dateline, times and the contributor line", async ({ page }) => {
    await page.goto(siteUrl(SEED_PATH));
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("article h1")).toHaveText(
      "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
    );
    await expect(page.locator("article")).toHaveCount(1);
    const firstParagraph = page.locator(".article-body p").first();
    await expect(firstParagraph).toHaveText(
      /^Washington \(CNN\) — Former Attorney General Jeff Sessions/,
    );
    // Its time of day is unknown (timeUnknown): the date alone.
    await expect(page.locator(".published time")).toHaveAttribute("datetime", "2020-05-26");
    await expect(page.locator(".contributors")).toHaveText(
      "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    );
    await expect(page.locator(".article-body")).not.toContainText("Outbrain");
    await expect(page.locator(".article-body")).not.toContainText("Stay Updated");
  });

  test("the banner is a labelled region that names the developing story", async ({ page }) => {
    await page.goto(siteUrl(SEED_PATH));
    const banner = page.getByRole("complementary", { name: "Stay Updated on Developing Stories" });
    await expect(banner).toBeVisible();
    await expect(banner.locator(".live-mark")).toHaveText("Live");
    await expect(banner.getByRole("link", { name: /Storm moves up the coast/ })).toHaveAttribute(
      "href",
      "/2021/03/01/world/storm-developing-fixture/#update-2021-03-01-1945",
    );
    await expect(banner.getByRole("link", { name: "All developing stories" })).toHaveAttribute(
      "href",
      "/developing/",
    );
  });

  test("a dismissed banner stays dismissed across pages and reloads", async ({ page }) => {
    await page.goto(siteUrl(SEED_PATH));
    const banner = page.getByRole("complementary", { name: "Stay Updated on Developing Stories" });
    await banner.getByRole("button", { name: "Dismiss this banner" }).click();
    await expect(banner).toBeHidden();
    await expect(page.locator("main")).toBeFocused();
    await page.goto(siteUrl());
    await expect(page.locator(".banner")).toBeHidden();
    await page.goto(siteUrl(SEED_PATH));
    await expect(page.locator(".banner")).toBeHidden();
  });

  test("works with JavaScript off: banner readable, no dead dismiss button", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl(SEED_PATH));
    await expect(page.locator(".banner")).toBeVisible();
    await expect(page.locator(".banner-dismiss")).toBeHidden();
    await expect(page.locator("article h1")).toBeVisible();
    await context.close();
  });

  test("requests nothing from other hosts", async ({ page }) => {
    const foreign: string[] = [];
    const origin = new URL(siteUrl()).origin;
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) {
        foreign.push(request.url());
      }
    });
    await page.goto(siteUrl(SEED_PATH), { waitUntil: "networkidle" });
    expect(foreign).toEqual([]);
  });

  test("the skip link is the first stop and has visible focus", async ({ page }) => {
    await page.goto(siteUrl(SEED_PATH));
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });
});

// reader-site.spec.ts scans every page kind in the light theme; these two in the dark one too.
for (const [name, path] of [
  ["article", SEED_PATH],
  ["home", ""],
] as const) {
  for (const colorScheme of ["dark"] as const) {
    test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(siteUrl(path));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
}
