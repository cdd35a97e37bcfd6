import { afterEach, expect, test, vi } from "vitest";
import buildLog from "../../src/integrations/build-log.js";

afterEach(() => vi.restoreAllMocks());

/**
 * What the logger prints for Astro's messages, line by line, without the time
 * prefix and without colours (a CI terminal, or FORCE_COLOR, turns them on).
 */
function printed(events: { label: string | null; message: string; newLine?: boolean }[]): string {
  let out = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const log = buildLog({ level: "info" });
  for (const event of events) log.write({ level: "info", newLine: true, ...event });
  return out.replace(/\u001b\[[0-9;]*m/g, "").replace(/^\d\d:\d\d:\d\d /gm, "");
}

test("the page list of a build becomes one line: how many were rendered and how many reused", () => {
  const page = (path: string) => ({ label: null, message: `  ├─ ${path}`, newLine: false });
  const out = printed([
    { label: null, message: "\n generating static routes " },
    // As Astro logs them 16 at a time: starts and ends of several pages interleaved.
    page("/a/index.html"),
    page("/b/index.html"),
    { label: "SKIP_FORMAT", message: " (+12ms) " },
    page("/c/index.html"),
    { label: "SKIP_FORMAT", message: " (cached)" },
    { label: "SKIP_FORMAT", message: " (+3.20s) " },
    page("/d/index.html"),
    { label: "SKIP_FORMAT", message: " (restored)" },
    { label: null, message: "✓ Completed in 4.20s." },
    { label: "build", message: "Complete!" },
  ]);
  expect(out).not.toMatch(/├─|\(\+|\(cached\)|\(restored\)/);
  expect(out).toMatch(
    /\[build\] 4 pages: 2 rendered, 2 unchanged since the last build\n.*✓ Completed in 4\.20s\.\n/s,
  );
  expect(out).toContain("[build] Complete!");
});

test("every other message reaches Astro's logger as it is", () => {
  const out = printed([
    { label: "content", message: "Syncing content" },
    { label: null, message: "✓ Completed in 1s." },
  ]);
  expect(out).toBe("[content] Syncing content\n✓ Completed in 1s.\n");
});
