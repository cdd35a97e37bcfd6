/**
 * Dateline on Cloudflare Pages without GitHub Actions: a Cloudflare Worker
 * on a cron trigger reads the live site's build.json every ten minutes and,
 * once the moment it names has come (a scheduled story's time, a story
 * leaving the Google News sitemap, the newsroom's midnight), fires the Pages
 * project's deploy hook. Pages builds every push by itself; build.json's
 * `next` is when that build goes stale with the same content, worked out by
 * the build (`npm run due` works out the same from the content).
 *
 * Set up: deploy/README.md. SITE_URL (a variable in wrangler.toml): the
 * site's address with its base path; DEPLOY_HOOK_URL (a secret): the hook.
 */

/**
 * Whether to build, from the live build.json (`info`, or the HTTP status
 * when there is none) at `now` (ms).
 *
 * @param {{ next?: { at?: string, reason?: string } | null } | number} info
 * @param {number} now
 * @returns {{ build: boolean, why: string }}
 */
export function shouldBuild(info, now) {
  if (typeof info === "number") {
    // No build.json live (a first deploy, or a site built before it had one):
    // a build writes one. Any other answer is the site's problem, not a build's.
    return info === 404
      ? { build: true, why: "no build.json on the site yet" }
      : { build: false, why: `the site answered ${info}` };
  }
  const at = Date.parse(info?.next?.at ?? "");
  if (Number.isNaN(at)) return { build: false, why: "nothing changes by time alone" };
  return at <= now
    ? { build: true, why: `${info.next?.at} ${info.next?.reason ?? ""}`.trim() }
    : { build: false, why: `next: ${info.next?.at} ${info.next?.reason ?? ""}`.trim() };
}

export default {
  /**
   * @param {{ scheduledTime: number }} controller
   * @param {{ SITE_URL: string, DEPLOY_HOOK_URL: string }} env
   */
  async scheduled(controller, env) {
    // A new address each time, past any cache in front of the site.
    const url = new URL(
      "build.json",
      env.SITE_URL.endsWith("/") ? env.SITE_URL : `${env.SITE_URL}/`,
    );
    url.searchParams.set("due", String(controller.scheduledTime));
    const response = await fetch(url, { headers: { "cache-control": "no-cache" } });
    const decision = shouldBuild(
      response.ok ? await response.json() : response.status,
      controller.scheduledTime,
    );
    console.log(`${decision.build ? "due" : "not due"}: ${decision.why}`);
    if (!decision.build) return;
    const hook = await fetch(env.DEPLOY_HOOK_URL, { method: "POST" });
    if (!hook.ok) throw new Error(`the deploy hook answered ${hook.status}: ${await hook.text()}`);
  },
};
