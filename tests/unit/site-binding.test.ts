import { afterEach, expect, test, vi } from "vitest";

afterEach(() => vi.unstubAllEnvs());

/** The site context as a build under `base` binds it. */
async function siteAt(base: string) {
  vi.resetModules();
  vi.stubEnv("BASE_URL", base);
  return (await import("../../src/site/site.ts")).site;
}

test("the site context is bound to the build's base path", async () => {
  const site = await siteAt("/news/");
  expect(site.base).toBe("/news/");
  expect(site.href("/politics/")).toBe("/news/politics/");
  expect(site.absoluteUrl("/politics/")).toBe("https://dateline.example.com/news/politics/");
  expect((await siteAt("/")).href("/politics/")).toBe("/politics/");
}, 30_000);

test("and to the publication's settings", async () => {
  const site = await siteAt("/");
  const { site: config } = await import("../../src/site.config.ts");
  expect(site.name).toBe(config.name);
  expect(site.timeZone).toBe(config.timeZone);
  expect(site.isoDateTime(new Date("2020-05-26T04:00:00Z"))).toBe("2020-05-26T00:00:00-04:00");
});
