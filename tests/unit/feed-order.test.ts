import { expect, test } from "vitest";
import { feedDate, newestInFeed, type FeedDated } from "../../src/distribution/feed-order.ts";

const story = (name: string, published: string, lastChange = published, developing = false) => ({
  name,
  developing,
  published: new Date(published),
  lastChange: new Date(lastChange),
});
const dating = (s: FeedDated) => s;

test("a developing story is dated by its last update, any other by its publication", () => {
  const live = story("live", "2021-03-01T10:00:00Z", "2021-03-05T10:00:00Z", true);
  const corrected = story("corrected", "2021-03-01T10:00:00Z", "2021-03-05T10:00:00Z");
  expect(feedDate(live)).toEqual(live.lastChange);
  expect(feedDate(corrected)).toEqual(corrected.published);
});

test("an old developing story with a fresh update leads every feed and stays inside its length", () => {
  const stories = [
    story("new", "2021-03-04T10:00:00Z"),
    story("newer", "2021-03-03T10:00:00Z"),
    story("old", "2021-02-01T10:00:00Z"),
    story("live", "2021-02-01T09:00:00Z", "2021-03-05T10:00:00Z", true),
  ];
  expect(newestInFeed(stories, dating, 3).map((s) => s.name)).toEqual(["live", "new", "newer"]);
  // A story that has stopped developing goes back to its publication date.
  const ended = stories.map((s) => ({ ...s, developing: false }));
  expect(newestInFeed(ended, dating, 3).map((s) => s.name)).toEqual(["new", "newer", "old"]);
});
