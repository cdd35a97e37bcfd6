import { describe, expect, test } from "vitest";
import { createSiteContext } from "../../src/site/site-context.ts";
import { site as config } from "../../src/site.config.ts";

const at = (base: string) => createSiteContext({ ...config, url: "https://news.example" }, base);
const may26 = new Date("2020-05-26T22:39:00Z");

describe("createSiteContext", () => {
  test("links carry the base path, whether or not it ends in a slash", () => {
    expect(at("/").href("/2020/")).toBe("/2020/");
    expect(at("/news/").href("/2020/")).toBe("/news/2020/");
    expect(at("/news").href("/2020/")).toBe("/news/2020/");
    expect(at("/news").base).toBe("/news/");
  });

  test("absolute URLs carry origin and base path", () => {
    expect(at("/").absoluteUrl("/people/ann/")).toBe("https://news.example/people/ann/");
    expect(at("/news/").absoluteUrl("/people/ann/")).toBe("https://news.example/news/people/ann/");
  });

  test("a link that already has the base (an asset URL) is not given it twice", () => {
    expect(at("/news/").absoluteHref("/news/_astro/a.jpg")).toBe(
      "https://news.example/news/_astro/a.jpg",
    );
  });

  test("dates are shown in the newsroom's zone, not the machine's", () => {
    const site = at("/");
    expect(site.formatDateTime(may26)).toBe("May 26, 2020, 6:39 p.m. EDT");
    expect(site.formatDate(new Date("2020-05-27T02:00:00Z"))).toBe("May 26, 2020");
    expect(site.isoDateTime(may26)).toBe("2020-05-26T18:39:00-04:00");
    const london = createSiteContext({ ...config, timeZone: "Europe/London" }, "/");
    expect(london.isoDateTime(may26)).toBe("2020-05-26T23:39:00+01:00");
  });

  test("carries the publication's names and settings", () => {
    const site = at("/");
    expect(site.name).toBe(config.name);
    expect(site.origin).toBe("https://news.example");
    expect(site.sections).toBe(config.sections);
  });
});
