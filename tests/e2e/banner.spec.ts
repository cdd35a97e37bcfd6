import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

const STORM = "2021/03/01/world/storm-developing-fixture/";
const NAME = "Stay Updated on Developing Stories";

for (const path of ["", SEED_PATH, STORM, "developing/", "search/"]) {
  test(`on /${path} the banner is one slim line under the masthead at 375px`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(siteUrl(path));
    const banner = page.getByRole("complementary", { name: NAME });
    const box = await banner.boundingBox();
    const header = await page.locator(".site-header").boundingBox();
    expect(box && box.height).toBeLessThanOrEqual(48);
    expect(box && header && box.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
  });
}

test("on the developing story's own page the banner invites to the feeds instead", async ({
  page,
}) => {
  await page.goto(siteUrl(STORM));
  const banner = page.getByRole("complementary", { name: NAME });
  await expect(banner.locator(".live-mark")).toHaveCount(0);
  await expect(banner.getByRole("link", { name: NAME })).toHaveAttribute("href", "/developing/");
  await expect(banner).not.toContainText(/nothing is developing/i);
  await expect(banner.getByRole("link", { name: "RSS" })).toHaveAttribute(
    "href",
    "/developing/feed.xml",
  );
});

/** Starts recording layout shifts, of any cause, from now on. */
async function recordShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: "layout-shift" });
  });
}

for (const scrolled of [0, 400]) {
  test(`dismissing the banner moves nothing on the page (scrolled ${scrolled}px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(siteUrl(SEED_PATH));
    await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    await recordShifts(page);
    const before = await page.evaluate(() => ({
      y: window.scrollY,
      main: document.getElementById("main")?.getBoundingClientRect().top,
    }));
    // Scrolled away, the button is off screen: press it as a keyboard user would.
    await page.locator(".banner-dismiss").evaluate((button: HTMLElement) => button.click());
    await expect(page.locator(".banner")).toBeHidden();
    await page.waitForTimeout(300);
    const after = await page.evaluate(() => ({
      y: window.scrollY,
      main: document.getElementById("main")?.getBoundingClientRect().top,
      shifts: (window as unknown as { shifts: number[] }).shifts,
    }));
    expect(after.y).toBe(before.y);
    expect(after.main).toBe(before.main);
    expect(after.shifts).toEqual([]);
  });
}

test("a banner dismissed on an earlier page takes no room at all", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await page.goto(siteUrl());
  await expect(page.locator(".banner")).toBeHidden();
  expect(await page.locator(".banner").evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
});
