import { describe, expect, test } from "vitest";
import { bannerLine, type BannerStory } from "../../src/news/banner.ts";

const story = (path: string, headline: string): BannerStory => ({
  path,
  headline,
  link: `${path}#update-1`,
  time: new Date("2021-03-02T00:45:00Z"),
  today: false,
});
const storm = story("/2021/03/01/world/storm/", "Storm");
const vote = story("/2021/03/02/politics/vote/", "Vote");
const model = { text: "Stay Updated on Developing Stories", path: "/developing/" };
const newsletter = { text: "Get the morning briefing", href: "https://news.example/briefing" };

describe("bannerLine", () => {
  test("names the most recently updated developing story", () => {
    expect(bannerLine({ ...model, developing: [storm, vote] }, "/")).toEqual({
      kind: "live",
      story: storm,
    });
  });

  test("on that story's own page, names the next one", () => {
    expect(bannerLine({ ...model, developing: [storm, vote] }, storm.path)).toEqual({
      kind: "live",
      story: vote,
    });
  });

  test.each([
    ["nothing is live", [], "/", []],
    ["the only live story is the page itself", [storm], storm.path, []],
    ["the only live story is the page's lead", [storm], "/", [storm.path]],
  ])(
    "when %s, keeps its heading and invites readers to follow the newsroom",
    (_, developing, here, shown) => {
      expect(bannerLine({ ...model, developing }, here, shown)).toEqual({
        kind: "invite",
        heading: "Stay Updated on Developing Stories",
        text: "Follow the newsroom",
        href: "/developing/",
        newsletter: false,
      });
    },
  );

  test("never repeats the story the page leads with", () => {
    expect(bannerLine({ ...model, developing: [storm, vote] }, "/", [storm.path])).toEqual({
      kind: "live",
      story: vote,
    });
  });

  test("or to the newsletter, when the site has one", () => {
    expect(bannerLine({ ...model, newsletter, developing: [] }, "/")).toEqual({
      kind: "invite",
      heading: "Stay Updated on Developing Stories",
      text: "Get the morning briefing",
      href: "https://news.example/briefing",
      newsletter: true,
    });
  });
});
