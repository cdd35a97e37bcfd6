import { describe, expect, test } from "vitest";
import { bannerLine } from "../../src/news/banner.ts";

const storm = { path: "/2021/03/01/world/storm/", updates: [{ id: "update-2021-03-01-1945" }] };
const vote = { path: "/2021/03/02/politics/vote/", updates: [] };
const config = { text: "Stay Updated on Developing Stories", href: "/developing/" };
const newsletter = { text: "Get the morning briefing", href: "https://news.example/briefing" };

describe("bannerLine", () => {
  test("names the most recently updated developing story, linking to its latest update", () => {
    expect(bannerLine([storm, vote], "/", config)).toEqual({
      kind: "live",
      story: storm,
      path: "/2021/03/01/world/storm/#update-2021-03-01-1945",
    });
  });

  test("on that story's own page, names the next one", () => {
    expect(bannerLine([storm, vote], storm.path, config)).toMatchObject({
      kind: "live",
      story: vote,
      path: vote.path,
    });
  });

  test.each([
    ["nothing is developing", [], "/"],
    ["the only developing story is the page itself", [storm], storm.path],
  ])("when %s, invites readers to the feeds", (_, developing, here) => {
    expect(bannerLine(developing, here, config)).toEqual({
      kind: "invite",
      text: "Stay Updated on Developing Stories",
      href: "/developing/",
      feeds: true,
    });
  });

  test("or to the newsletter, when the site has one", () => {
    expect(bannerLine([], "/", { ...config, newsletter })).toEqual({
      kind: "invite",
      text: "Get the morning briefing",
      href: "https://news.example/briefing",
      feeds: false,
    });
  });
});
