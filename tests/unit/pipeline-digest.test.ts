import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { pipelineDigest } from "../../src/lib/pipeline-digest.ts";

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-digest-"));
  mkdirSync(join(dir, "src/markdown"), { recursive: true });
  writeFileSync(join(dir, "src/markdown/remark-x.ts"), "export default 1;\n");
  writeFileSync(join(dir, "astro.config.ts"), "export default {};\n");
  writeFileSync(join(dir, "package-lock.json"), "{}\n");
  return dir;
}

test("the digest is stable while nothing changes", () => {
  const dir = project();
  expect(pipelineDigest(dir, { base: "/" })).toBe(pipelineDigest(dir, { base: "/" }));
  expect(pipelineDigest(dir, { base: "/" })).toMatch(/^[0-9a-f]{40}$/);
});

test.each([
  ["a plugin changes", "src/markdown/remark-x.ts", "export default 2;\n"],
  ["a helper is added", "src/lib-new.ts", "export const y = 1;\n"],
  ["the config changes", "astro.config.ts", "export default { base: '/x/' };\n"],
  ["a dependency changes", "package-lock.json", '{"v":2}\n'],
])("the digest changes when %s", (_, file, text) => {
  const dir = project();
  const before = pipelineDigest(dir, { base: "/" });
  writeFileSync(join(dir, file), text);
  expect(pipelineDigest(dir, { base: "/" })).not.toBe(before);
});

test("the digest changes with the base path", () => {
  const dir = project();
  expect(pipelineDigest(dir, { base: "/news/" })).not.toBe(pipelineDigest(dir, { base: "/" }));
});
