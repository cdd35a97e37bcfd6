import { expect, test } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

test("the fronts carry the day's date in the newsroom's zone; stories do not", async ({ page }) => {
  // The fixture site is built at 7 a.m. on March 2, 2021, New York time.
  for (const path of ["", "politics/"]) {
    await page.goto(siteUrl(path));
    const date = page.locator(".masthead-date time");
    await expect(date).toHaveAttribute("datetime", "2021-03-02");
    await expect(date.locator(".date-long")).toHaveText("Tuesday, March 2, 2021");
  }
  await page.goto(siteUrl(SEED_PATH));
  await expect(page.locator(".masthead-date")).toHaveCount(0);
});

test("the masthead carries the publication's mark and colour", async ({ page }) => {
  await page.goto(siteUrl());
  const brand = page.locator(".site-header .brand");
  await expect(brand).toHaveAttribute("href", "/");
  await expect(brand.locator("img")).toBeVisible();
  await expect(brand.locator("img")).toHaveAttribute("src", "/favicon.svg");
  await expect(brand).toHaveText("Dateline");
  const rule = await page
    .locator(".site-header")
    .evaluate((el) => [getComputedStyle(el).borderTopWidth, getComputedStyle(el).borderTopColor]);
  expect(rule).toEqual(["4px", "rgb(176, 0, 32)"]);
});

test("on a phone a search button opens the box; wider, the box is in the masthead", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(siteUrl(SEED_PATH));
  const box = page.getByLabel("Search Dateline");
  await expect(box).toBeHidden();
  // Nothing in the masthead crowds the name.
  const name = await page.locator(".site-header .site-name").boundingBox();
  expect(name?.width).toBeGreaterThan(80);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(box).toBeVisible();
  await box.fill("harbour");
  await box.press("Enter");
  await expect(page).toHaveURL(siteUrl("search/?q=harbour"));

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(siteUrl(SEED_PATH));
  await expect(page.getByLabel("Search Dateline")).toBeVisible();
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeHidden();
  // Nothing takes the reader's focus on arrival.
  await expect(page.locator("body")).toBeFocused();
});

test("the section row fades at the edge it scrolls towards, and only when it scrolls", async ({
  page,
}) => {
  const mask = () =>
    page.locator(".section-nav ul").evaluate((el) => getComputedStyle(el).maskImage);
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(siteUrl());
  // Politics, World and Business fit a phone: no fade.
  expect(await mask()).toBe("none");
  // Too narrow for them: the row scrolls, and fades on its right.
  await page.setViewportSize({ width: 220, height: 700 });
  await expect.poll(mask).toMatch(/^linear-gradient\(90deg, rgb\(0, 0, 0\) calc/);
  await page.locator(".section-nav ul").evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  // Scrolled to its end, it fades only on its left.
  await expect.poll(mask).toBe("linear-gradient(90deg, rgba(0, 0, 0, 0), rgb(0, 0, 0) 32px)");
});

test("the footer names the publication, leads to about, corrections, contact and feeds, with its copyright", async ({
  page,
}) => {
  await page.goto(siteUrl(SEED_PATH));
  const footer = page.locator(".site-footer");
  await expect(footer.locator(".site-name")).toHaveText("Dateline");
  for (const [name, href] of [
    ["About Dateline", "/about/"],
    ["Corrections policy", "/corrections/"],
    ["Contact us", "/contact/"],
    ["Feeds", "/feeds/"],
  ] as const) {
    await expect(footer.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  await expect(footer.locator(".copyright")).toBeVisible();
  await expect(footer.locator(".copyright")).toHaveText("© 2021 Dateline");
  await page.goto(siteUrl("corrections/"));
  await expect(page.locator(".corrections-list li")).toContainText(
    "An earlier version of this fictional story misstated the turnout figure.",
  );
  await page.goto(siteUrl("contact/"));
  await expect(page.getByRole("link", { name: "newsroom@dateline.example.com" })).toHaveAttribute(
    "href",
    "mailto:newsroom@dateline.example.com",
  );
});

// Words a reader would not use: feed formats (except on the page that
// explains them), listing labels, page counters as a close.
for (const path of [
  "",
  "politics/",
  "tags/storms/",
  "people/ada-reporter/",
  "2021/02/24/",
  SEED_PATH,
]) {
  test(`no developer words on /${path}`, async ({ page }) => {
    await page.goto(siteUrl(path));
    const text = await page.locator("body").innerText();
    expect(text).not.toMatch(/\b(RSS|Atom|JSON)\b/);
    expect(text).not.toMatch(/^(SECTION|TOPIC|PERSON|ARCHIVE)$/m);
    expect(text).not.toMatch(/\bAuthor ·|Page 1 of/);
  });
}
