import { join } from "node:path";
import { expect, test } from "vitest";
import { checkHtml } from "../../scripts/html-checker.ts";
import { ROOT } from "../support/build.ts";

// The checker itself, on two known pages, so `npm run test:html` is known to
// fail on what it is there to catch. One JVM run (a few seconds).
test("the Nu HTML Checker flags a script after </html> and passes a valid page", () => {
  const problems = checkHtml(join(ROOT, "tests/fixtures/html-check"));
  const errors = problems.filter((problem) => problem.level === "error");
  expect(errors.map((error) => error.file)).not.toContain("good/index.html");
  expect(errors.find((error) => error.file === "bad/index.html")).toMatchObject({
    line: expect.any(Number),
    message: expect.stringMatching(/after “?<?\/?html>?”?|Stray start tag “script”/i),
  });
});

test("without Java, the checker says what to install", () => {
  expect(() => checkHtml(join(ROOT, "tests/fixtures/html-check"), "no-such-java")).toThrow(
    /expected a Java runtime .* found none \(Debian\/Ubuntu: apt-get install -y default-jre-headless\)/,
  );
});
