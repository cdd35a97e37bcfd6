import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

const STORM = "2021/03/01/world/storm-developing-fixture/";
const NAME = "Stay Updated on Developing Stories";

/** The contrast ratio of two computed CSS colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`the live strip is a strong bar in the site's colour, white text (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(siteUrl(SEED_PATH));
    const banner = page.getByRole("complementary", { name: NAME });
    const [background, text, brand] = await banner.evaluate((el) => {
      const probe = document.createElement("span");
      probe.style.color = "var(--brand)";
      document.body.append(probe);
      const brandColour = getComputedStyle(probe).color;
      probe.remove();
      return [getComputedStyle(el).backgroundColor, getComputedStyle(el).color, brandColour];
    });
    expect(background).toBe(brand);
    expect(text).toBe("rgb(255, 255, 255)");
    expect(contrast(background, text)).toBeGreaterThanOrEqual(4.5);
    // One label for the state: Live.
    await expect(banner.locator(".live-mark")).toHaveText("Live");
  });
}

for (const path of ["", SEED_PATH, "search/"]) {
  test(`on /${path} a phone sees the live headline whole, on at most two lines`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto(siteUrl(path));
    const story = page.locator(".banner-story");
    // Whole: nothing cut or hidden, as "Vote market h…" was.
    const cut = await story.evaluate(
      (el) => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === "ellipsis",
    );
    expect(cut).toBe(false);
    const lines = await story.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBeLessThanOrEqual(2);
    const box = await page.locator(".banner").boundingBox();
    const header = await page.locator(".site-header").boundingBox();
    expect(box && header && box.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
  });
}

test("with nothing live to name, the banner keeps its heading and invites readers to follow", async ({
  page,
}) => {
  // The only live story is this page's own.
  await page.goto(siteUrl(STORM));
  const banner = page.getByRole("complementary", { name: NAME });
  await expect(banner.locator(".live-mark")).toHaveCount(0);
  await expect(banner.locator(".banner-heading")).toHaveText(NAME);
  await expect(banner.getByRole("link", { name: "Follow the newsroom" })).toHaveAttribute(
    "href",
    "/developing/",
  );
  // A reader's words: no feed formats, and never that nothing is happening.
  await expect(banner).not.toContainText(/RSS|Atom|JSON|feed/i);
  await expect(banner).not.toContainText(/nothing is developing/i);
});

test("the banner does not repeat the story a page leads with", async ({ page }) => {
  await page.goto(siteUrl("developing/"));
  await expect(page.locator(".banner-heading")).toHaveText(NAME);
  await page.goto(siteUrl("world/"));
  await expect(page.locator(".banner .live-mark")).toHaveCount(1);
});

/** Starts recording layout shifts, of any cause, from now on. */
async function recordShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shifts: { value: number; input: boolean }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; hadRecentInput: boolean };
        shifts.push({ value: shift.value, input: shift.hadRecentInput });
      }
    }).observe({ type: "layout-shift" });
  });
}

test("dismissing the banner collapses it: no blank band, only the reader's own shift", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(siteUrl(SEED_PATH));
  await recordShifts(page);
  const height = (await page.locator(".banner").boundingBox())?.height ?? 0;
  const before = await page.evaluate(
    () => document.getElementById("main")?.getBoundingClientRect().top ?? 0,
  );
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await expect(page.locator(".banner")).toBeHidden();
  const after = await page.evaluate(
    () => document.getElementById("main")?.getBoundingClientRect().top ?? 0,
  );
  expect(height).toBeGreaterThan(20);
  expect(after).toBeCloseTo(before - height, 0);
  await expect(page.locator("main")).toBeFocused();
  // The page moved because the reader asked it to: no shift counts against it.
  const shifts = await page.evaluate(
    () => (window as unknown as { shifts: { input: boolean }[] }).shifts,
  );
  expect(shifts.filter((shift) => !shift.input)).toEqual([]);
});

test("dismissed while scrolled down, what the reader is reading stays put", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(siteUrl(SEED_PATH));
  await page.evaluate(() => window.scrollTo(0, 600));
  const paragraph = page.locator(".article-body p").nth(3);
  const before = (await paragraph.boundingBox())?.y;
  // Scrolled away, the button is off screen: press it as a keyboard user would.
  await page.locator(".banner-dismiss").evaluate((button: HTMLElement) => button.click());
  await expect(page.locator(".banner")).toBeHidden();
  const after = (await paragraph.boundingBox())?.y;
  expect(Math.abs((after ?? 0) - (before ?? 0))).toBeLessThan(2);
});

test("a banner dismissed on an earlier page takes no room at all", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await page.goto(siteUrl());
  await expect(page.locator(".banner")).toBeHidden();
  expect(await page.locator(".banner").evaluate((el) => el.getBoundingClientRect().height)).toBe(0);
});
