import { expect, test } from "vitest";
import { liveUpdateComponent, updateHeading } from "../../src/editor/desk/live-update.ts";
import { parseHeading } from "../../src/news/live-updates.ts";

const zone = "America/New_York";

test("the heading is the time on the newsroom's clock, and the site reads it as that update", () => {
  const time = new Date("2026-12-07T19:05:00Z");
  const heading = updateHeading(time, zone, "Evacuation order lifted");
  expect(heading).toBe("## 2026-12-07 14:05 — Evacuation order lifted");
  expect(parseHeading(heading.slice(3), zone)).toMatchObject({
    kind: "update",
    time,
    title: "Evacuation order lifted",
  });
  // Summer time: the same wall clock is four hours behind UTC.
  expect(updateHeading(new Date("2026-07-04T13:30:00Z"), zone, "")).toBe("## 2026-07-04 09:30");
});

test("the component fills in the time it is inserted at, and writes and reads its block alike", () => {
  let now = new Date("2026-12-07T19:05:00Z");
  const component = liveUpdateComponent(zone, () => now);
  const time = component.fields[0] as { default: string };
  expect(time.default).toBe("2026-12-07 14:05");
  now = new Date("2026-12-07T20:10:00Z");
  expect(time.default).toBe("2026-12-07 15:10");
  const block = component.toBlock({ time: "2026-12-07 15:10", title: "Bridge closed" });
  expect(block).toBe("## 2026-12-07 15:10 — Bridge closed");
  const match = component.pattern.exec(`Text.\n\n${block}\n\nMore.`)!;
  expect(component.fromBlock!(match)).toEqual({ time: "2026-12-07 15:10", title: "Bridge closed" });
  expect(component.toBlock({ time: "2026-12-07 15:10", title: "" })).toBe("## 2026-12-07 15:10");
});

test("headings the component does not write are left to the text", () => {
  const { pattern } = liveUpdateComponent(zone);
  for (const heading of [
    "## Key points",
    "## 2021-03-01 19:45 – En dash",
    "## 2021-03-01 19:45:00",
  ]) {
    expect(pattern.test(heading), heading).toBe(false);
  }
});
