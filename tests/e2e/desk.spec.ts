import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillFolder, pickFolderFromOpfs, readFolder } from "../support/desk-folder.ts";

/**
 * The editors' desk in Chromium against the real manager (Sveltia CMS, as
 * the built site serves it, under its `_headers` policy): local mode opens a
 * folder of the browser's private file system holding the fixture site's
 * repository, handed to the manager's own code through `showDirectoryPicker`.
 * An editor creates a story with a photo, renames the seed story and adds a
 * live update to a developing story; the files read back out of the browser
 * pass `npm run check` and build into pages at the right address and time.
 */

const ROOT = join(import.meta.dirname, "../..");
const CONTENT = "tests/fixtures/site";
const SEED = `${CONTENT}/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump.md`;
const STORM = `${CONTENT}/world/storm-developing-fixture.md`;
const NEW_STORY = `${CONTENT}/tugboat-crews-walk-off-the-job-at-the-harbour.md`;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The repository as the desk sees it: the fixture site's content, and a .git folder. */
const repository = [
  ...files(CONTENT).map((path) => ({ path, bytes: readFileSync(join(ROOT, path)) })),
  { path: ".git/HEAD", bytes: Buffer.from("ref: refs/heads/main\n") },
  { path: ".git/config", bytes: Buffer.from("[core]\n\trepositoryformatversion = 0\n") },
];

/**
 * Policy violations the page reports. Sveltia CMS's own stylesheet still
 * declares its three fonts on jsDelivr; the bundle registers the same fonts
 * from its own files, so the policy's refusal of those three costs nothing
 * (the icons and text render from /admin/sveltia/assets/). Every other
 * violation fails the test.
 */
const SVELTIA_CDN_FONTS =
  /^Loading the font 'https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/(source-sans-3|noto-mono|material-symbols-outlined)[^']*' violates/;

async function openDesk(page: Page, url: string) {
  const violations: string[] = [];
  const offSite: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy/.test(text) && !SVELTIA_CDN_FONTS.test(text))
      violations.push(text);
  });
  // Nothing leaves the machine: the GitHub backend's status check is the only
  // request the local desk makes elsewhere, and it is refused here.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    offSite.push(route.request().url());
    return route.abort();
  });
  await pickFolderFromOpfs(page);
  await page.goto(url);
  await fillFolder(page, repository);
  await page.getByRole("button", { name: "Work with Local Repository" }).waitFor();
  await scan(page, "the sign-in page");
  await page.getByRole("button", { name: "Work with Local Repository" }).click();
  return { violations, offSite };
}

/**
 * The axe-core findings on the desk as it stands: none expected, but for two
 * in Sveltia CMS's own markup that no option changes (0.221.1):
 * - meta-viewport: its app shell adds a second `<meta name="viewport">` with
 *   `maximum-scale=1`, which stops pinch zoom (WCAG 1.4.4), after the page's own;
 * - region: content outside landmarks, on its sign-in screen (h1, buttons
 *   and the "powered by" line) and, in the story list, in its app shell's
 *   root (`<div role="none" class="outer">`);
 * - html-lang-valid: its preview frame's `<html lang="_default">`, the name
 *   of its default locale when a site has one language.
 */
async function scan(page: Page, what: string) {
  const rules = ["meta-viewport", "region", "html-lang-valid"];
  const { violations } = await new AxeBuilder({ page }).disableRules(rules).analyze();
  expect(
    violations.map(
      ({ id, nodes }) =>
        `${what}: ${id} on ${nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

/** Saves the story and waits until the file in the folder is as `done` wants it. */
async function save(page: Page, path: string, done: (text: string) => boolean): Promise<string> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  let text = "";
  await expect
    .poll(async () => {
      // The manager writes a temporary file and moves it into place: a read
      // may meet the file gone for a moment,
      // and a read between the two may meet it still empty: neither is a save.
      text = (await readFolder(page).catch(() => undefined))?.get(path)?.toString("utf8") ?? "";
      return text !== "" && done(text);
    })
    .toBe(true);
  return text;
}

test("an editor creates, edits and updates stories in the browser; the build publishes them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const site = process.env["SITE_URL"]!;
  const desk = `${site}admin/`;
  const { violations, offSite } = await openDesk(page, desk);
  // The editor renders fields as they scroll into view.
  const field = (key: string) => page.locator(`[data-key-path="${key}"]`);
  const reveal = async (key: string) => {
    await page.mouse.move(300, 400);
    for (let turn = 0; turn < 40 && (await field(key).count()) === 0; turn++) {
      await page.mouse.wheel(0, 400);
    }
    await field(key).first().scrollIntoViewIfNeeded();
    return field(key).first();
  };

  // A new story with a photo, from the main desk: written at the top of the
  // content folder and named after its headline, as npm run new names it.
  await page.getByRole("button", { name: "Create New Entry" }).click();
  await page
    .getByRole("textbox", { name: "Headline" })
    .fill("Tugboat crews walk off the job at the harbour");
  await field("published").locator('input[type="datetime-local"]').fill("2021-03-03T09:15");
  await field("section").getByRole("combobox").click();
  await page.getByRole("option", { name: "Business" }).click();
  page.setDefaultTimeout(10_000);
  await (await reveal("image")).getByRole("checkbox", { name: /Add/ }).check();
  await field("image.src").getByRole("button", { name: "Browse" }).click();
  const picker = page.getByRole("dialog", { name: "Select Image" });
  const chooser = page.waitForEvent("filechooser");
  await picker.getByRole("button", { name: "Upload" }).click();
  await (await chooser).setFiles(join(ROOT, CONTENT, "world/harbour.jpg"));
  await picker.getByRole("button", { name: "Insert" }).click();
  await field("image.alt").getByRole("textbox").fill("Tugboats idle at the harbour's quay");
  const body = await reveal("body");
  await body.locator('[contenteditable="true"]').click();
  await page.keyboard.type("Tugboat crews walked off the job on Wednesday morning.");
  const created = await save(page, NEW_STORY, (text) => text.includes("Tugboat crews walked"));
  expect(created).toBe(
    [
      "---",
      "headline: Tugboat crews walk off the job at the harbour",
      "published: '2021-03-03T09:15:00-05:00'",
      "section: business",
      "image:",
      "  src: harbour.jpg",
      "  alt: Tugboats idle at the harbour's quay",
      "---",
      "",
      "Tugboat crews walked off the job on Wednesday morning.",
      "",
    ].join("\n"),
  );
  const afterCreate = await readFolder(page);
  expect(afterCreate.get(`${CONTENT}/harbour.jpg`)).toEqual(
    readFileSync(join(ROOT, CONTENT, "world/harbour.jpg")),
  );

  // The seed story, in its folder's desk: the list shows headlines, newest
  // first; a new headline changes the headline's line alone.
  await page.goto(`${desk}?folder=politics`);
  const rows = page.getByRole("row");
  await expect(rows.first()).toContainText("Fixture: Council passes a budget");
  await expect(rows.nth(1)).toContainText("Fixture: Lawmakers agree to extend free school meals");
  await expect(page.getByRole("grid")).not.toContainText(".md");
  await scan(page, "the story list");
  await page.getByText("Jeff Sessions says his recusal from Russia probe").click();
  await page
    .getByRole("textbox", { name: "Headline" })
    .fill("Jeff Sessions defends his recusal as he fights for his old seat");
  await scan(page, "the story editor");
  const seed = readFileSync(join(ROOT, SEED), "utf8");
  const renamed = await save(page, SEED, (text) => text !== seed);
  expect(renamed).toBe(
    seed.replace(
      "headline: Jeff Sessions says his recusal from Russia probe was an attempt to help Trump\n",
      "headline: Jeff Sessions defends his recusal as he fights for his old seat\n",
    ),
  );

  // A live update to the developing story: Insert → Live update.
  await page.goto(`${desk}?folder=world`);
  await page.getByText("Fixture: Storm moves up the coast").click();
  const story = await reveal("body");
  const editor = story.locator('[contenteditable="true"]');
  await editor.click();
  await page.keyboard.press("Control+End");
  await story.getByRole("button", { name: "Insert" }).click();
  await page.getByRole("menuitem", { name: "Live update" }).click();
  const update = story.getByRole("group", { name: "Live update" }).last();
  const time = await update.getByRole("textbox", { name: /^Time/ }).inputValue();
  // The newsroom's clock now, whatever the computer's zone.
  const clock = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/New_York",
    dateStyle: "short",
    timeStyle: "short",
  });
  expect([clock.format(new Date()), clock.format(new Date(Date.now() - 60_000))]).toContain(time);
  await update.getByRole("textbox", { name: "Title" }).fill("Bridge reopens to traffic");
  await editor.locator("p").last().click();
  await page.keyboard.type("The coast road bridge reopened in the evening.");
  const storm = readFileSync(join(ROOT, STORM), "utf8");
  const updated = await save(page, STORM, (text) => text.includes("The coast road bridge"));
  expect(updated).toBe(
    `${storm}\n## ${time} — Bridge reopens to traffic\n\nThe coast road bridge reopened in the evening.\n`,
  );

  // The files, read back out of the browser, pass the check and build.
  const folder = await readFolder(page);
  const scratch = mkdtempSync(join(tmpdir(), "dateline-desk-"));
  const content = join(scratch, "content");
  for (const [path, bytes] of folder) {
    if (!path.startsWith(`${CONTENT}/`)) continue;
    const target = join(content, relative(CONTENT, path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  const run = (script: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [script, ...(script.endsWith("check.ts") ? [content] : [])], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
  const check = run("scripts/check.ts");
  expect(check.status, check.stdout + check.stderr).toBe(0);
  const out = join(scratch, "site");
  const build = run("scripts/build.ts", {
    DATELINE_CONTENT: content,
    DATELINE_OUT: out,
    DATELINE_CACHE: join(scratch, "cache"),
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const page_ = (path: string) => readFileSync(join(out, path, "index.html"), "utf8");
  const tugboat = page_("2021/03/03/business/tugboat-crews-walk-off-the-job-at-the-harbour");
  expect(tugboat).toContain("<h1>Tugboat crews walk off the job at the harbour</h1>");
  expect(tugboat).toContain('datetime="2021-03-03T09:15:00-05:00"');
  expect(tugboat).toMatch(/<img[^>]+alt="Tugboats idle at the harbour's quay"/);
  expect(
    page_(
      "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump",
    ),
  ).toContain("<h1>Jeff Sessions defends his recusal as he fights for his old seat</h1>");
  const stormPage = page_("2021/03/01/world/storm-developing-fixture");
  expect(stormPage).toContain("Bridge reopens to traffic");
  expect(stormPage).toContain("The coast road bridge reopened in the evening.");

  expect(violations).toEqual([]);
  expect(offSite.every((url) => url.startsWith("https://www.githubstatus.com/"))).toBe(true);
});
