import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { spareFolder } from "../../scripts/publish/atomic-output.ts";
import { linkPublishedPages, prepareStaging } from "../../scripts/publish/staging.ts";

const put = (site: string, file: string, text: string) => {
  mkdirSync(dirname(join(site, file)), { recursive: true });
  writeFileSync(join(site, file), text);
};
const link = (from: string, to: string, file: string) => {
  mkdirSync(dirname(join(to, file)), { recursive: true });
  linkSync(join(from, file), join(to, file));
};
/** Every file and folder under `dir`, relative, sorted. */
const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
const inode = (path: string) => statSync(path).ino;

/** An Astro manifest listing `files`, as the published site's state keeps it. */
const manifest = (files: string[]) =>
  JSON.stringify({
    routes: {
      "src/pages/x.astro": { paths: Object.fromEntries(files.map((f) => [f, { outputFile: f }])) },
    },
  });

/**
 * A published site (build 2) and its spare (build 1): build 2 reused a/ and
 * b/, rendered c/ anew, added d/ and dropped gone/.
 */
function sites() {
  const root = mkdtempSync(join(tmpdir(), "staging-"));
  const out = join(root, "dist");
  const spare = spareFolder(out);
  for (const file of ["2020/01/02/a/index.html", "2020/01/02/b/index.html", "c/index.html"])
    put(spare, file, `old ${file}`);
  put(spare, "gone/deep/index.html", "dropped since");
  put(spare, "index.html", "front, always rendered");
  put(spare, "_astro/site.css", "css");
  put(spare, "pagefind/2020/pagefind-entry.json", "{}");
  put(spare, "_headers", "headers");
  link(spare, out, "2020/01/02/a/index.html");
  link(spare, out, "2020/01/02/b/index.html");
  put(out, "c/index.html", "new c");
  put(out, "d/index.html", "new d");
  put(out, "index.html", "front");
  put(out, "_astro/site.css", "css");
  put(out, "_headers", "headers");
  const pages = [
    "2020/01/02/a/index.html",
    "2020/01/02/b/index.html",
    "c/index.html",
    "d/index.html",
  ];
  return { root, out, spare, pages };
}

test("the spare becomes the staging folder: the published pages only, each a link", () => {
  const { root, out, spare, pages } = sites();
  const before = Object.fromEntries(tree(out).map((file) => [file, inode(join(out, file))]));
  const staging = join(root, "dist.staging");
  const { kept, toLink } = prepareStaging(out, staging, join(root, "cache"), manifest(pages));
  expect(existsSync(spare)).toBe(false);
  // Only the pages that are still the published files were kept…
  expect([...kept].sort()).toEqual(["2020/01/02/a/index.html", "2020/01/02/b/index.html"]);
  expect([...toLink].sort()).toEqual(["c/index.html", "d/index.html"]);
  // …and nothing else is left, not even an emptied folder.
  expect(tree(staging)).toEqual([
    "2020",
    "2020/01",
    "2020/01/02",
    "2020/01/02/a",
    "2020/01/02/a/index.html",
    "2020/01/02/b",
    "2020/01/02/b/index.html",
  ]);
  linkPublishedPages(out, staging, toLink);
  for (const page of pages) expect(inode(join(staging, page)), page).toBe(inode(join(out, page)));
  // The published site is untouched.
  expect(Object.fromEntries(tree(out).map((file) => [file, inode(join(out, file))]))).toEqual(
    before,
  );
  expect(readFileSync(join(out, "c/index.html"), "utf8")).toBe("new c");
});

test("staging in the spare gives what linking every page into an empty folder gives", () => {
  const recycled = sites();
  const staging = join(recycled.root, "dist.staging");
  const { toLink } = prepareStaging(
    recycled.out,
    staging,
    join(recycled.root, "cache"),
    manifest(recycled.pages),
  );
  linkPublishedPages(recycled.out, staging, toLink);

  const plain = sites();
  const empty = join(plain.root, "dist.staging");
  rmSync(plain.spare, { recursive: true });
  const fresh = prepareStaging(plain.out, empty, join(plain.root, "cache"), manifest(plain.pages));
  expect(fresh.kept.size).toBe(0);
  linkPublishedPages(plain.out, empty, fresh.toLink);
  expect(tree(staging)).toEqual(tree(empty));
});

test("a clean build (nothing to reuse) starts from an empty folder; the spare goes", () => {
  const { root, out, spare } = sites();
  const staging = join(root, "dist.staging");
  const { kept, toLink } = prepareStaging(out, staging, join(root, "cache"), undefined);
  expect(kept.size + toLink.size).toBe(0);
  expect(tree(staging)).toEqual([]);
  expect(existsSync(spare)).toBe(false);
});
