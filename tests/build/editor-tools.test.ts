import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { describe, expect, test } from "vitest";
import { ROOT } from "../support/build.ts";
import { renderMarkdown } from "../support/markdown.ts";

const SEED_RAW = join(ROOT, "tests/fixtures/seed/000_34147e769f4ecb98.txt");
const SEED_FILE =
  "jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump.md";

/** Runs one of the editor's tools as `npm run <tool> -- …` would, on Node 22. */
function tool(name: "new" | "import" | "check", ...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", `${name}.ts`), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temp = () => mkdtempSync(join(tmpdir(), "dateline-tools-"));

describe("npm run import", () => {
  test("importing the seed reproduces the article in content/", async () => {
    const dir = temp();
    const run = tool(
      "import",
      SEED_RAW,
      "--published",
      "2020-05-26T00:00:00-04:00",
      "--section",
      "politics",
      "--dir",
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('dropped page text: "Stay Updated on Developing Stories"');
    expect(run.stdout).toContain('dropped page text: "Outbrain"');
    const imported = parseFrontmatter(readFileSync(join(dir, SEED_FILE), "utf8"));
    const original = parseFrontmatter(readFileSync(join(ROOT, "content", SEED_FILE), "utf8"));
    const values = (frontmatter: Record<string, unknown>) => ({
      ...frontmatter,
      published: new Date(frontmatter["published"] as string | Date).toISOString(),
    });
    // timeUnknown is the editor's word after import: the raw text has no time, and
    // --published gave midnight for it, which the seed then marks as unknown. The
    // summary is the editor's too: the raw text has none.
    const { timeUnknown, summary, ...edited } = original.frontmatter;
    expect(timeUnknown).toBe(true);
    expect(summary).toEqual(expect.any(String));
    expect(values(imported.frontmatter)).toEqual(values(edited));
    expect(await renderMarkdown(imported.content, imported.frontmatter)).toBe(
      await renderMarkdown(original.content, edited),
    );
    expect(tool("check", dir).stdout).toContain("1 articles checked in");
    expect(tool("check", dir).status).toBe(0);
  });

  test("never overwrites an existing article unless told to", () => {
    const dir = temp();
    const args = [SEED_RAW, "--published", "2020-05-26T00:00:00-04:00", "--dir", dir];
    expect(tool("import", ...args).status).toBe(0);
    writeFileSync(join(dir, SEED_FILE), "edited by an editor");
    const again = tool("import", ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      `${SEED_FILE} already exists; nothing was written (use --force to overwrite it)`,
    );
    expect(readFileSync(join(dir, SEED_FILE), "utf8")).toBe("edited by an editor");
    expect(tool("import", ...args, "--force").status).toBe(0);
    expect(readFileSync(join(dir, SEED_FILE), "utf8")).toContain("headline: Jeff Sessions");
  });

  test.each([
    ["an empty file", "", "expected article text; found an empty file"],
    ["binary data", "\u0000\u0001PNG", "expected plain text (UTF-8); found binary data"],
    [
      "no headline",
      "Stay Updated on Developing Stories\n\nOutbrain\n",
      "expected a headline as the first line; found only page chrome",
    ],
  ])("refuses %s, naming the file, and writes nothing", (_name, text, message) => {
    const dir = temp();
    const file = join(dir, "raw.txt");
    writeFileSync(file, text);
    const out = join(dir, "out");
    const run = tool("import", file, "--published", "2020-05-26T00:00:00-04:00", "--dir", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`import: ${file}: ${message}\n`);
    expect(existsSync(out)).toBe(false);
  });

  test("refuses a folder and a missing file", () => {
    const dir = temp();
    expect(tool("import", dir, "--published", "2020-05-26T00:00:00-04:00").stderr).toContain(
      `${dir}: expected a text file; found a folder`,
    );
    expect(
      tool("import", join(dir, "nope.txt"), "--published", "2020-05-26T00:00:00-04:00").stderr,
    ).toContain("nope.txt: expected a text file; found no such file");
  });

  test("checks every file and what it would write before writing any", () => {
    const dir = temp();
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    const out = join(dir, "out");
    const args = ["--published", "2020-05-26T00:00:00-04:00", "--dir", out];
    const bad = tool("import", SEED_RAW, empty, ...args);
    expect(bad.stderr).toBe(`import: ${empty}: expected article text; found an empty file\n`);
    const section = tool("import", SEED_RAW, ...args, "--section", "Politics");
    expect(section.status).toBe(1);
    expect(section.stderr).toContain(
      'the article would not be valid; nothing was written\n  section  expected a section slug of lower-case letters, digits and hyphens, such as politics; found "Politics"',
    );
    expect(tool("import", SEED_RAW, SEED_RAW, ...args).stderr).toContain(
      `would be written from both ${SEED_RAW} and ${SEED_RAW}; nothing was written`,
    );
    expect(existsSync(out)).toBe(false);
  });

  test("asks for the date when the text carries none", () => {
    const run = tool("import", SEED_RAW, "--dir", temp());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "expected a publication time; found none in the text (give it with --published",
    );
  });
});

describe("npm run new", () => {
  test("writes a valid draft with a slug, and prints its path and URL", () => {
    const dir = temp();
    const run = tool(
      "new",
      "Café owners protest new tax on outdoor seating",
      "--section",
      "business",
      "--dir",
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    const file = join(dir, "cafe-owners-protest-new-tax-on-outdoor-seating.md");
    const { frontmatter } = parseFrontmatter(readFileSync(file, "utf8"));
    expect(frontmatter).toMatchObject({
      headline: "Café owners protest new tax on outdoor seating",
      section: "business",
      draft: true,
    });
    expect(String(frontmatter["published"])).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/,
    );
    expect(run.stdout).toMatch(
      /URL: {2}https:\/\/dateline\.example\.com\/\d{4}\/\d{2}\/\d{2}\/business\/cafe-owners-protest-new-tax-on-outdoor-seating\//,
    );
    const check = tool("check", dir);
    expect(check.stdout).toContain("0 errors");
    expect(tool("new", "Café owners protest new tax on outdoor seating", "--dir", dir).status).toBe(
      1,
    );
  });

  test("needs a headline, and a section the site can use, and writes nothing otherwise", () => {
    expect(tool("new").stderr).toContain(
      'expected a headline, as in: npm run new -- "Senate passes budget"',
    );
    const dir = temp();
    const run = tool("new", "Story", "--section", "tags", "--dir", dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("story.md: the article would not be valid; nothing was written");
    expect(run.stderr).toContain('  section  expected a section slug of your own; found "tags"');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("npm run check", () => {
  test("names a folder that is not there", () => {
    const run = tool("check", "no-such-folder");
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "check: no-such-folder: expected a folder of articles; found no such folder\n",
    );
  });

  test("passes content/ quietly and fails bad articles with file:line  field  message", () => {
    const quiet = tool("check");
    expect(quiet.status).toBe(0);
    // A newcomer's first run: the sample story gives no warning to wonder about.
    expect(quiet.stdout).toMatch(/1 articles? checked in [\d.]+ s: 0 errors, 0 warnings/);
    const bad = tool("check", join(ROOT, "tests/fixtures/bad/bad-frontmatter"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(
      "tests/fixtures/bad/bad-frontmatter/broken-story.md:1  headline  expected a headline; found nothing",
    );
    expect(bad.stdout).toContain(
      'broken-story.md:3  published  expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found "last Tuesday"',
    );
    expect(bad.stdout).toMatch(/1 articles? checked in [\d.]+ s: 3 errors, 0 warnings/);
    const early = tool("check", join(ROOT, "tests/fixtures/bad/bad-updated"));
    expect(early.status).toBe(1);
    expect(early.stdout).toContain(
      "updated-too-early.md:4  updated  expected a time no earlier than published",
    );
  });

  test("finds duplicate permalinks, broken article links and missing images across files", () => {
    const dir = temp();
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    const story = (extra: string, body = "Text.") =>
      `---\nheadline: Story\npublished: 2020-05-26T12:00:00-04:00\nsection: politics\nsummary: S.\n${extra}---\n\n${body}\n`;
    writeFileSync(
      join(dir, "a", "story.md"),
      story("", "See [the other](/2020/05/26/politics/other/)."),
    );
    writeFileSync(
      join(dir, "b", "story.md"),
      story("image:\n  src: ./missing.jpg\n  alt: A photo\n"),
    );
    const run = tool("check", dir);
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).toEqual(["a", "b"]);
    expect(run.stdout).toMatch(
      /a\/story\.md:8 {2}body {2}expected a link to an existing article; found \/2020\/05\/26\/politics\/other\//,
    );
    expect(run.stdout).toMatch(
      /b\/story\.md:3 {2}permalink {2}expected a URL of its own; found \/2020\/05\/26\/politics\/story\//,
    );
    expect(run.stdout).toMatch(
      /b\/story\.md:7 {2}image\.src {2}expected an image file beside the article; found no file \.\/missing\.jpg/,
    );
  });
});

describe.each(["new", "import", "check"] as const)("npm run %s", (name) => {
  test("-- --help explains itself", () => {
    const run = tool(name, "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run/);
  });

  test("refuses an unknown option in a line, pointing to --help", () => {
    const run = tool(name, "--frobnicate");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${name}: Unknown option '--frobnicate'.*\\nSee npm run ${name} -- --help\\n$`,
        "s",
      ),
    );
  });
});
