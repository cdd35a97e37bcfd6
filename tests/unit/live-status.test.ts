import { describe, expect, test } from "vitest";
import { isLive, liveChangesAt } from "../../src/news/live-status.ts";

const lastChange = new Date("2021-03-02T00:45:00Z");
const at = (iso: string) => new Date(iso);

describe.each([
  ["an hour after its update", "2021-03-02T01:45:00Z", true],
  ["a minute before its twelve hours are up", "2021-03-02T12:44:00Z", true],
  ["at twelve hours", "2021-03-02T12:45:00Z", false],
  ["two days on", "2021-03-04T00:45:00Z", false],
])("a developing story %s", (_, now, live) => {
  test(`is ${live ? "" : "no longer "}live`, () => {
    expect(isLive({ developing: true, lastChange }, at(now), 12)).toBe(live);
  });
  test("says when that changes", () => {
    expect(liveChangesAt({ developing: true, lastChange }, at(now), 12)).toEqual(
      live ? at("2021-03-02T12:45:00Z") : undefined,
    );
  });
});

test("a story its editor does not mark developing is never live", () => {
  expect(isLive({ developing: false, lastChange }, lastChange, 12)).toBe(false);
  expect(liveChangesAt({ developing: false, lastChange }, lastChange, 12)).toBeUndefined();
});

test("the hours are the site's to set", () => {
  const now = at("2021-03-02T04:45:00Z");
  expect(isLive({ developing: true, lastChange }, now, 3)).toBe(false);
  expect(isLive({ developing: true, lastChange }, now, 6)).toBe(true);
});
