import type { AstroIntegration, AstroIntegrationLogger } from "astro";

type ViteDevServer = Parameters<
  NonNullable<AstroIntegration["hooks"]["astro:server:setup"]>
>[0]["server"];

/** The dev environment Astro renders pages in (ASTRO_VITE_ENVIRONMENT_NAMES.ssr). */
const PAGE_ENVIRONMENT = "ssr";

/**
 * What the warm-up calls in the pages' own copy of src/news/articles.ts,
 * stated here: integrations sit below the news layer and import nothing
 * from it (tests/unit/architecture.test.ts).
 */
interface News {
  getArticles(): Promise<{ path: string }[]>;
  getListings(): Promise<{ pages: { path: string }[] }>;
  getRelated(): Promise<unknown>;
  getDeveloping(): Promise<unknown>;
}

interface Runner {
  import<T = unknown>(url: string): Promise<T>;
}

/**
 * Gets `astro dev` ready for the editor's pages as soon as it listens: places,
 * lists and relates the stories, then asks for the newest story's page, a
 * listing page and the front page, which compiles their templates and has
 * Astro list the paths of the two large routes (10,000 story pages and 8,000
 * listing pages at 10,000 stories). Otherwise the first page of each kind
 * paid for that, half a second or more each at 10,000 stories, and the first
 * article page seconds. The work runs in the environment Astro renders pages
 * in, so the pages find it done in their own module instances; a page asked
 * for meanwhile waits for the same work rather than doing it twice. Astro
 * logs the three requests as it logs an editor's; the other templates (about,
 * search, feeds) are small and compile when first asked for.
 *
 * A problem (a template that does not compile) is left to the page that
 * meets it, which shows it in Astro's overlay; a refused story is left out
 * and its own page shows its problems (src/news/refusal.ts).
 */
export function devWarmup(): AstroIntegration {
  let server: ViteDevServer | undefined;
  let base = "/";
  return {
    name: "dateline:dev-warmup",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:server:setup": ({ server: devServer }) => {
        server = devServer;
      },
      "astro:server:start": ({ address, logger }) => {
        const environment = server?.environments[PAGE_ENVIRONMENT];
        if (!environment || !("runner" in environment)) return;
        const host = ["::", "0.0.0.0"].includes(address.address)
          ? "localhost"
          : address.family === "IPv6"
            ? `[${address.address}]`
            : address.address;
        const site = `http://${host}:${address.port}${base.replace(/\/$/, "")}`;
        void warmUp(environment.runner as Runner, site, logger);
      },
      "astro:server:done": () => {
        server = undefined;
      },
    },
  };
}

async function warmUp(runner: Runner, site: string, logger: AstroIntegrationLogger) {
  const started = performance.now();
  let stories: number;
  let pages: string[];
  try {
    const news = await runner.import<News>("/src/news/articles.ts");
    const [articles, , listings] = await Promise.all([
      news.getArticles(),
      news.getRelated(),
      news.getListings(),
      news.getDeveloping(),
    ]);
    stories = articles.length;
    pages = [articles[0]?.path, listings.pages[0]?.path, "/"].flatMap((path) => path ?? []);
  } catch (error) {
    logger.debug(`warm-up stopped: ${(error as Error).message}`);
    return;
  }
  await Promise.all(
    pages.map(async (page) => {
      try {
        await (await fetch(`${site}${page}`)).arrayBuffer();
      } catch (error) {
        logger.debug(`warm-up could not ask for ${page}: ${(error as Error).message}`);
      }
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `Ready to preview: ${stories} ${stories === 1 ? "story" : "stories"} placed, listed and related, ${pages.length} pages asked for in ${seconds} s`,
  );
}
