import { expect, test } from "vitest";
import { storyPath } from "../../src/editor/desk/story-preview.ts";

const site = { timeZone: "America/New_York", base: "/", sections: { business: "Business" } };

test("the preview links the story's address by the build's rule, dated in the newsroom's zone", () => {
  // 11:30 p.m. in New York is the next day in UTC: the address keeps New York's day.
  expect(
    storyPath(
      { published: "2021-01-04T23:30:00-05:00", section: "politics", headline: "Late vote" },
      "late-night-vote-fixture",
      site,
    ),
  ).toBe("/2021/01/04/politics/late-night-vote-fixture/");
  // Not saved yet: named after the headline as the desk names the file.
  expect(
    storyPath(
      {
        published: "2021-03-03T09:15:00-05:00",
        section: "business",
        headline: "Trump's tugs strike",
      },
      undefined,
      {
        ...site,
        base: "/news/",
      },
    ),
  ).toBe("/news/2021/03/03/business/trumps-tugs-strike/");
  expect(
    storyPath({ section: "business", headline: "No time yet" }, undefined, site),
  ).toBeUndefined();
});
