import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
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
