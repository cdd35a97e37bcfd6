import { expect, test } from "vitest";
import { describeValue } from "../../src/lib/describe-value.ts";

test.each([
  [undefined, "nothing"],
  [null, "nothing"],
  ["", "an empty text"],
  ["soon", '"soon"'],
  [12, "number 12"],
  [true, "boolean true"],
  [["a", "b"], "a list of 2"],
  [{ a: 1 }, "a group of fields"],
  [new Date("2020-05-26T04:00:00Z"), "2020-05-26T04:00:00.000Z"],
  [new Date("nope"), "an invalid date"],
])("describeValue(%j) is %s", (value, expected) => {
  expect(describeValue(value)).toBe(expected);
});
