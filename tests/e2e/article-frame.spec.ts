import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SEED_PATH, siteUrl } from "../support/site.ts";

// The article page's frame as a reader sees it: one column, the meta line,
// the lead image, topics, related stories, print and share images.
const HARBOUR = "2021/03/02/world/harbour-reopens-fixture/";
const STORM = "2021/03/01/world/storm-developing-fixture/";
const RUNOFF = "2020/07/14/politics/senate-runoff-fixture/";

/** Left and right edges of each block that is on the page, content boxes only. */
async function edges(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const blocks = [
      ".article-header",
      ".lead-image",
      ".article-body",
      ".contributors",
      ".corrections",
      ".article-tags",
      ".related",
    ];
    const found: Record<string, [number, number]> = {};
    for (const selector of blocks) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      const right = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      // The corrections box is inset by its own padding and rule: its outer edge counts.
      found[selector] =
        selector === ".corrections"
          ? [Math.round(box.left), Math.round(box.right)]
          : [Math.round(left), Math.round(right)];
    }
    return found;
  });
}

for (const path of [SEED_PATH, HARBOUR, STORM, RUNOFF]) {
  test(`one left and one right edge for everything but the lead photo at 1280px: ${path}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(siteUrl(path));
    const { ".lead-image": photo, ...found } = await edges(page);
    expect(Object.keys(found).length).toBeGreaterThanOrEqual(4);
    const rights = new Set(Object.values(found).map(([, right]) => right));
    const lefts = new Set(Object.values(found).map(([left]) => left));
    expect([...rights], JSON.stringify(found)).toHaveLength(1);
    expect([...lefts], JSON.stringify(found)).toHaveLength(1);
    // The lead photo is wider than the text, centred on it.
    if (photo) {
      const [left = 0] = lefts;
      const [right = 0] = rights;
      expect(photo[0]).toBeLessThan(left - 50);
      expect(photo[1]).toBeGreaterThan(right + 50);
      expect(Math.abs(left - photo[0] - (photo[1] - right))).toBeLessThanOrEqual(1);
    }
  });
}

test("the seed shows its date without a made-up time, linked to its day", async ({ page }) => {
  await page.goto(siteUrl(SEED_PATH));
  const meta = page.locator(".article-meta");
  // No byline: the source is credited.
  await expect(meta).toHaveText(/^By CNN\s*Published May 26, 2020\s*3 min read$/);
  await expect(meta).not.toContainText("a.m.");
  await expect(meta.locator(".published time")).toHaveAttribute("datetime", "2020-05-26");
  await meta.getByRole("link", { name: "May 26, 2020" }).click();
  await expect(page).toHaveURL(siteUrl("2020/05/26/"));
  await expect(page.getByRole("link", { name: /Jeff Sessions says his recusal/ })).toBeVisible();
});

test("a late-evening story's date links to its day in the newsroom's zone", async ({ page }) => {
  await page.goto(siteUrl("2021/01/05/politics/late-night-vote-fixture/"));
  const date = page.locator(".article-meta .published a");
  await expect(date).toHaveText("January 5, 2021");
  await expect(date).toHaveAttribute("href", "/2021/01/05/");
  await expect(page.locator(".article-meta .published")).toContainText("11:30 p.m. EST");
});

test("one meta line: quiet byline links, published, updated, reading time", async ({ page }) => {
  await page.goto(siteUrl(RUNOFF));
  const meta = page.locator(".article-meta");
  await expect(meta).toHaveCount(1);
  await expect(meta).toContainText("By Ada Reporter and Ben Writer, Dateline");
  await expect(meta.locator(".updated")).toHaveText("Updated July 15, 8:30 a.m. EDT");
  const link = meta.getByRole("link", { name: "Ada Reporter" });
  const style = await link.evaluate((el) => {
    const s = getComputedStyle(el);
    const text = getComputedStyle(el.closest(".byline") as Element);
    return { line: s.textDecorationLine, color: s.color, textColor: text.color };
  });
  // Quiet: the byline's colour, no underline until pointed at.
  expect(style.line).toBe("none");
  expect(style.color).toBe(style.textColor);
  await link.hover();
  expect(await link.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("underline");
  // The parts sit on few lines, not stacked one per line.
  await page.setViewportSize({ width: 1280, height: 900 });
  const lineHeight = await meta.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const box = await meta.boundingBox();
  expect(box && box.height / lineHeight).toBeLessThan(3);
});

test("tags are shown and lead to their topic pages", async ({ page }) => {
  await page.goto(siteUrl(RUNOFF));
  const topics = page.getByRole("navigation", { name: "Topics" });
  await expect(topics.getByRole("link")).toHaveText(["Jeff Sessions", "Alabama", "Elections"]);
  await topics.getByRole("link", { name: "Alabama" }).click();
  await expect(page).toHaveURL(siteUrl("tags/alabama/"));
  await expect(page.getByRole("link", { name: /Alabama Senate runoff/ })).toBeVisible();
});

test("the lead image comes before the byline, edge to edge on a phone, credit labelled", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(siteUrl(HARBOUR));
  const image = page.locator(".lead-image img");
  const imageBox = await image.boundingBox();
  const metaBox = await page.locator(".article-meta").boundingBox();
  expect(imageBox && metaBox && imageBox.y + imageBox.height <= metaBox.y).toBe(true);
  expect(imageBox?.x).toBe(0);
  expect(imageBox?.width).toBe(375);
  await expect(page.locator(".lead-image .credit")).toHaveText("Photo: Dateline fixture");
  await expect(image).toHaveAttribute("width", /\d+/);
  await expect(image).toHaveAttribute("height", /\d+/);
});

test("related stories only when related, else labelled as more from the section", async ({
  page,
}) => {
  await page.goto(siteUrl(HARBOUR));
  const related = page.getByRole("complementary", { name: "Related stories" });
  // The storm shares a tag and the section; the other fixtures share only the word "fixture".
  await expect(related.getByRole("listitem").getByRole("link")).toHaveText([/Storm moves up/]);

  // And then more from its own section, without repeating them.
  const world = page.getByRole("complementary", { name: "More in World" });
  await expect(world.getByRole("listitem")).toHaveCount(4);
  await expect(world).not.toContainText("Storm moves up");

  await page.goto(siteUrl(SEED_PATH));
  await expect(page.getByRole("complementary", { name: "Related stories" })).toHaveCount(0);
  const more = page.getByRole("complementary", { name: "More in Politics" });
  await expect(more.getByRole("heading")).toHaveText("More in Politics");
  await expect(more.getByRole("heading").getByRole("link")).toHaveAttribute("href", "/politics/");
  await expect(more.getByRole("listitem")).toHaveCount(4);
});

test("print: publication and address on paper, body size for all but the headline", async ({
  page,
}) => {
  await page.emulateMedia({ media: "print" });
  await page.goto(siteUrl(STORM));
  const source = page.locator(".print-source");
  await expect(source).toBeVisible();
  await expect(source).toHaveText(`Dateline · https://dateline.example.com/${STORM}`);
  const sizes = await page.evaluate(() => {
    const size = (selector: string) =>
      parseFloat(getComputedStyle(document.querySelector(selector) as Element).fontSize);
    return {
      body: size(".article-body p"),
      h1: size("h1"),
      others: [
        ".key-points li",
        ".key-points h2",
        ".update-time",
        ".update-time time",
        ".update-title",
        ".update-day",
        ".dek",
        ".article-meta",
        ".print-source",
      ].map((selector) => [selector, size(selector)] as const),
    };
  });
  expect(sizes.h1).toBeGreaterThan(sizes.body);
  for (const [selector, size] of sizes.others) {
    expect(size, selector).toBeLessThanOrEqual(sizes.body);
  }
  await expect(page.locator(".article-tags")).toBeHidden();
  // A readable measure: about 65 characters a line at most, not the page's width.
  const measure = await page.evaluate(() => {
    const paragraph = document.querySelector(".article-body p") as HTMLElement;
    const size = parseFloat(getComputedStyle(paragraph).fontSize);
    return paragraph.getBoundingClientRect().width / size;
  });
  expect(measure).toBeLessThanOrEqual(35);
  // Page margins, for the printer's edge and for a reader's notes.
  const margins = await page.evaluate(() =>
    [...document.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule) => rule instanceof CSSPageRule)
      .map((rule) => (rule as CSSPageRule).style.getPropertyValue("margin")),
  );
  expect(margins).toEqual([expect.stringMatching(/cm/)]);
  // Marks print black on white, not pale grey.
  for (const selector of [".live-mark", ".latest-mark"]) {
    const mark = await page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.color, s.backgroundColor, s.borderTopColor];
      });
    expect(mark, selector).toEqual(["rgb(0, 0, 0)", "rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"]);
  }
  // On screen the address line stays out of the way.
  await page.emulateMedia({ media: "screen" });
  await expect(source).toBeHidden();
});

test("a story without a photo is shared with the site's default image", async ({
  page,
  request,
}) => {
  await page.goto(siteUrl(SEED_PATH));
  const url = "https://dateline.example.com/share.png";
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", url);
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
  await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", url);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    "content",
    "summary_large_image",
  );
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
  );
  expect(jsonLd.image).toEqual([{ "@type": "ImageObject", url, width: 1200, height: 630 }]);
  // JSON-LD keeps the full instant even where the page shows the date alone.
  expect(jsonLd.datePublished).toBe("2020-05-26T00:00:00-04:00");
  const png = await request.get(siteUrl("share.png"));
  expect(png.headers()["content-type"]).toBe("image/png");
  const body = await png.body();
  // PNG header: width and height are the IHDR chunk's first two 32-bit numbers.
  expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);

  // A story with a photo is shared with its photo.
  await page.goto(siteUrl(HARBOUR));
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /\/_astro\/harbour.+\.jpg$/,
  );
});

// The harbour story in the light theme is reader-site.spec.ts's "article with image".
for (const [path, schemes] of [
  [HARBOUR, ["dark"]],
  [STORM, ["light", "dark"]],
  [RUNOFF, ["light", "dark"]],
] as const) {
  for (const colorScheme of schemes) {
    test(`axe finds no violations on ${path} (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(siteUrl(path));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
}
