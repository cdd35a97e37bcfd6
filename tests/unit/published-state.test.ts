import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { loadPublishedState, savePublishedState } from "../../scripts/publish/published-state.ts";

const STATE = {
  astroManifest: '{"routes":{}}',
  scriptHashes: { "index.html": ["'sha256-x'"] },
  searchKeys: { "2020": "key" },
  searchDigests: { "2020/05/26/politics/vote/index.html": "12:digest" },
};

test("the state saved for a staged site is found once that site is published", () => {
  const root = mkdtempSync(join(tmpdir(), "dateline-state-"));
  const cache = join(root, "cache");
  mkdirSync(join(root, "dist.staging"));
  savePublishedState(cache, join(root, "dist.staging"), STATE);
  // Publishing is a rename: the folder keeps its identity.
  renameSync(join(root, "dist.staging"), join(root, "dist"));
  expect(loadPublishedState(cache, join(root, "dist"))).toEqual(STATE);
});

test("a site replaced by other means gets no state: nothing is reused", () => {
  const root = mkdtempSync(join(tmpdir(), "dateline-state-"));
  const cache = join(root, "cache");
  mkdirSync(join(root, "dist.staging"));
  savePublishedState(cache, join(root, "dist.staging"), STATE);
  renameSync(join(root, "dist.staging"), join(root, "dist"));
  cpSync(join(root, "dist"), join(root, "copy"), { recursive: true });
  rmSync(join(root, "dist"), { recursive: true });
  renameSync(join(root, "copy"), join(root, "dist"));
  expect(loadPublishedState(cache, join(root, "dist"))).toBeUndefined();
});

test("a copy of the published site (restored from a CI cache) is known by its build.json", () => {
  const root = mkdtempSync(join(tmpdir(), "dateline-state-"));
  const cache = join(root, "cache");
  mkdirSync(join(root, "dist.staging"));
  writeFileSync(join(root, "dist.staging/build.json"), '{"builtAt":"2021-03-02T09:00:00-05:00"}');
  savePublishedState(cache, join(root, "dist.staging"), STATE);
  renameSync(join(root, "dist.staging"), join(root, "dist"));
  cpSync(join(root, "dist"), join(root, "restored"), { recursive: true });
  rmSync(join(root, "dist"), { recursive: true });
  renameSync(join(root, "restored"), join(root, "dist"));
  expect(loadPublishedState(cache, join(root, "dist"))).toEqual(STATE);
  // Another build's site is not.
  writeFileSync(join(root, "dist/build.json"), '{"builtAt":"2021-03-02T09:10:00-05:00"}');
  expect(loadPublishedState(cache, join(root, "dist"))).toBeUndefined();
});
