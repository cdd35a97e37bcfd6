import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { LiveUpdatesJson, UpdateEntry } from "../../src/distribution/live-updates-json.ts";
import { distDir } from "../support/dist.ts";
import { siteUrl } from "../support/site.ts";

const STORM = "2021/03/01/world/storm-developing-fixture/";
const KEY = "dateline:banner-dismissed";
const MINUTE = 60_000;

test("the banner on the front page leads to the live story's latest update", async ({ page }) => {
  await page.goto(siteUrl());
  const banner = page.getByRole("complementary", { name: "Stay Updated on Developing Stories" });
  await expect(banner).toContainText("Live Fixture: Storm moves up the coast");
  // The build's day is March 2: an update of March 1 keeps its date, not its year.
  await expect(banner.locator(".banner-time time")).toHaveText("March 1, 7:45 p.m. EST");
  await expect(banner.locator(".banner-time time")).toHaveAttribute(
    "datetime",
    "2021-03-01T19:45:00-05:00",
  );
  await banner.getByRole("link", { name: /Storm moves up the coast/ }).click();
  await expect(page).toHaveURL(siteUrl(`${STORM}#update-2021-03-01-1945`));
  const latest = page.locator("#update-2021-03-01-1945");
  await expect(latest).toBeInViewport();
  await expect(latest).toContainText("Evacuation order lifted");
});

test("a live story reads live-first: standfirst, key points, newest updates, then the background", async ({
  page,
}) => {
  await page.goto(siteUrl(STORM));
  await expect(page.locator(".update")).toHaveCount(3);
  // The day once, then times of day; the newest marked "Latest".
  await expect(page.locator(".update-day")).toHaveText(["Monday, March 1, 2021"]);
  await expect(page.locator(".update-time time")).toHaveText([
    "7:45 p.m. EST",
    "4:30 p.m. EST",
    "2:00 p.m. EST",
  ]);
  await expect(page.locator(".latest-mark")).toHaveCount(1);
  await expect(page.locator(".update").first().locator(".latest-mark")).toHaveText("Latest");
  const top = async (selector: string) => (await page.locator(selector).boundingBox())?.y ?? 0;
  expect(await top(".dek")).toBeLessThan(await top(".key-points"));
  expect(await top(".key-points")).toBeLessThan(await top(".live-updates"));
  expect(await top(".live-updates")).toBeLessThan(await top(".background"));
  await expect(page.locator(".background h2")).toHaveText("Background");
  await expect(page.locator(".background")).toContainText("Porto (Dateline) —");
  // The meta line says when the latest came, and leads to it.
  const latest = page.locator(".article-meta .live-latest");
  await expect(latest).toHaveText(/^Latest March 1, 7:45 p\.m\. EST · Jump to latest$/);
  await expect(latest.locator("time")).toHaveAttribute("datetime", "2021-03-01T19:45:00-05:00");
  await latest.getByRole("link", { name: "Jump to latest" }).click();
  await expect(page.locator("#update-2021-03-01-1945")).toBeInViewport();
});

test("a dismissed banner comes back when a newer update is published", async ({ page }) => {
  await page.goto(siteUrl());
  // Dismissed before the latest update (7:45 p.m.): the banner returns.
  await page.evaluate((key) => localStorage.setItem(key, "2021-03-01T19:00:00-05:00"), KEY);
  await page.reload();
  await expect(page.locator(".banner")).toBeVisible();
  // Dismissed after it: the banner stays away.
  await page.getByRole("button", { name: "Dismiss this banner" }).click();
  await page.reload();
  await expect(page.locator(".banner")).toBeHidden();
  await page.evaluate((key) => localStorage.setItem(key, "2021-03-01T20:00:00-05:00"), KEY);
  await page.goto(siteUrl(STORM));
  await expect(page.locator(".banner")).toBeHidden();
});

// The page's own check for new updates: the real script from the built page,
// under the site's Content-Security-Policy, with the browser's clock faked and
// the updates file served from the test so that it can change.

/** The storm's updates file as the build wrote it. */
const built = (): LiveUpdatesJson =>
  JSON.parse(readFileSync(join(distDir(), STORM, "updates.json"), "utf8")) as LiveUpdatesJson;

/** An update of the storm at a later time of March 1, made from the newest one's markup. */
function laterUpdate(from: UpdateEntry, hhmm: string, title: string, latest: boolean): UpdateEntry {
  const id = `update-2021-03-01-${hhmm.replace(":", "")}`;
  const [hour = "0", minute = "00"] = hhmm.split(":");
  const time = `2021-03-01T${hhmm}:00-05:00`;
  const text = `${Number(hour) - 12}:${minute} p.m. EST`;
  let html = from.html
    .replaceAll("update-2021-03-01-1945", id)
    .replace("2021-03-01T19:45:00-05:00", time)
    .replace("7:45 p.m. EST", text)
    .replace("Evacuation order lifted", title);
  if (!latest)
    html = html.replace(" is-latest", "").replace(/<span class="latest-mark">Latest<\/span> /, "");
  return { ...from, id, time, timeText: text, html };
}

/** Serves the storm's updates file from `current()`, counting the requests. */
async function serveUpdates(page: Page, current: () => LiveUpdatesJson | number) {
  const requests: number[] = [];
  await page.route(`**/${STORM}updates.json`, async (route) => {
    requests.push(await page.evaluate(() => Date.now()));
    const body = current();
    await (typeof body === "number"
      ? route.fulfill({ status: body, body: "" })
      : route.fulfill({ json: body }));
  });
  return requests;
}

/** The fake clock's start in these tests: the evening of the storm. */
const START = new Date("2021-03-01T22:30:00-05:00").getTime();

/**
 * Waits until the page has made its `count`th check and planned the next for
 * `next` minutes after START (the script notes the time on its box, `data-next`).
 */
async function checked(page: Page, requests: number[], count: number, next: number) {
  await expect.poll(() => requests.length).toBe(count);
  await expect(page.locator(".live-check")).toHaveAttribute(
    "data-next",
    String(START + next * MINUTE),
  );
}

/** Fakes the page's clock, paused at START: time moves only as the test says. */
async function pauseAtStart(page: Page) {
  await page.clock.install({ time: START - MINUTE });
  await page.clock.pauseAt(START);
}

/** Makes the page think its tab is hidden or visible, as switching tabs would. */
async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("a live story's page offers new updates every minute and inserts them once each", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const json = built();
  const newest = json.updates[0]!;
  let served: LiveUpdatesJson = json;
  const requests = await serveUpdates(page, () => served);
  await pauseAtStart(page);
  await page.goto(siteUrl(STORM));
  const offer = page.getByRole("button", { name: /new update/ });

  // Nothing asked before a minute has passed; then nothing new to offer.
  await page.clock.runFor(MINUTE - 1000);
  expect(requests).toHaveLength(0);
  await page.clock.runFor(1000);
  await checked(page, requests, 1, 2);
  await expect(offer).toBeHidden();

  // Two updates published meanwhile.
  served = {
    ...json,
    updates: [
      laterUpdate(newest, "22:00", "Coast road reopens", true),
      laterUpdate(newest, "21:30", "Power back in the north", false),
      ...json.updates.map((update, i) =>
        i === 0
          ? {
              ...update,
              html: update.html
                .replace(" is-latest", "")
                .replace(/<span class="latest-mark">Latest<\/span> /, ""),
            }
          : update,
      ),
    ],
  };
  await page.clock.runFor(MINUTE);
  await checked(page, requests, 2, 3);
  await expect(offer).toHaveText("2 new updates");
  await offer.click();
  await expect(offer).toBeHidden();
  await expect(page.locator(".update-time time")).toHaveText([
    "10:00 p.m. EST",
    "9:30 p.m. EST",
    "7:45 p.m. EST",
    "4:30 p.m. EST",
    "2:00 p.m. EST",
  ]);
  // Still one day line, and one Latest: the newest, which now has focus.
  await expect(page.locator(".update-day")).toHaveCount(1);
  await expect(page.locator(".latest-mark")).toHaveCount(1);
  await expect(page.locator(".update").first()).toHaveClass(/is-latest/);
  await expect(page.locator("#update-2021-03-01-2200")).toBeFocused();
  await expect(page.locator(".article-meta .live-latest time")).toHaveText("10:00 p.m. EST");
  await expect(page.locator(".article-meta .live-latest a")).toHaveAttribute(
    "href",
    "#update-2021-03-01-2200",
  );

  // The next check finds nothing new: no offer, no update twice.
  await page.clock.runFor(MINUTE);
  await checked(page, requests, 3, 4);
  await expect(offer).toBeHidden();
  await expect(page.locator(".update")).toHaveCount(5);
  expect(errors).toEqual([]);
});

test("a hidden tab never asks; it asks again when it is shown", async ({ page }) => {
  const json = built();
  const requests = await serveUpdates(page, () => json);
  await pauseAtStart(page);
  await page.goto(siteUrl(STORM));
  await page.clock.runFor(MINUTE);
  await checked(page, requests, 1, 2);

  await setVisibility(page, "hidden");
  // Half an hour hidden: not one request (waited for, as a request would take a moment).
  const asked = page.waitForRequest(`**/${STORM}updates.json`, { timeout: 2000 }).then(
    () => true,
    () => false,
  );
  await page.clock.runFor(30 * MINUTE);
  expect(await asked).toBe(false);
  expect(requests).toHaveLength(1);

  // Shown again after longer than a minute: it asks at once.
  await setVisibility(page, "visible");
  await page.clock.runFor(1000);
  await expect.poll(() => requests.length).toBe(2);
});

test("after failures it waits twice as long each time, and back to a minute once it works", async ({
  page,
}) => {
  const json = built();
  let status: number | undefined = 503;
  const requests = await serveUpdates(page, () => status ?? json);
  await pauseAtStart(page);
  await page.goto(siteUrl(STORM));
  // Failures at 1 minute, then 2 and 4 minutes later, each doubling the wait.
  for (const [wait, count] of [
    [1, 1],
    [2, 2],
    [4, 3],
  ] as const) {
    await page.clock.runFor(wait * MINUTE - 1000);
    expect(requests).toHaveLength(count - 1);
    await page.clock.runFor(1000);
    // Checked at minute 1, 3 and 7; each time the next waits twice as long.
    const at = [1, 3, 7][count - 1] ?? 0;
    await checked(page, requests, count, at + wait * 2);
  }
  // The next, 8 minutes on, works: the one after comes a minute later.
  status = undefined;
  await page.clock.runFor(8 * MINUTE);
  await checked(page, requests, 4, 16);
  await page.clock.runFor(MINUTE);
  await checked(page, requests, 5, 17);
  const minutes = requests.map((at) => Math.round((at - START) / MINUTE));
  expect(minutes).toEqual([1, 3, 7, 15, 16]);
});
