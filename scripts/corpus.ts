#!/usr/bin/env node
/**
 * Writes a deterministic synthetic archive of news articles for benchmarks
 * and scale tests: ~600 words each, 10 sections, ~200 tags, ~300 people,
 * dates spread over ten years, a few developing stories. The same arguments
 * always write the same files.
 *
 *   npm run corpus -- --articles 1000 --out /tmp/corpus
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const SECTIONS = [
  "news",
  "politics",
  "world",
  "business",
  "health",
  "science",
  "sport",
  "culture",
  "opinion",
  "technology",
];
const PLACES = [
  "Washington",
  "New York",
  "London",
  "Paris",
  "Berlin",
  "Tokyo",
  "Nairobi",
  "São Paulo",
  "Sydney",
  "Mumbai",
  "Cairo",
  "Toronto",
];
const SOURCES = ["CNN", "AP", "Reuters", "Dateline"];
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tor",
  "vas",
  "el",
  "an",
  "dre",
  "su",
  "pol",
  "gra",
  "ni",
  "ben",
  "cor",
  "lia",
  "mon",
  "tes",
  "ver",
  "ax",
];
const WORDS = (
  "the of and to in a that for on with as was said by at from his her their it an will have has " +
  "government officials report city council election vote policy market economy health hospital " +
  "school students police court judge law minister president senator campaign budget tax energy " +
  "climate storm flood fire water trade company workers union strike prices inflation bank rates " +
  "study scientists research data public statement interview spokesperson week month year today " +
  "new first last former local national international early late major plan program decision " +
  "federal state county district community residents families children team season game coach"
).split(" ");

/** mulberry32: a small, fast, seeded PRNG, so corpora are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the demo newsroom adds to a corpus (see scripts/demo.ts). */
export interface DemoOptions {
  /** The newest story's day: stories spread over the `days` before it. */
  end: Date;
  days: number;
  /** Image files, as paths relative to `out`, given to every third story and the newest. */
  images: readonly string[];
  /**
   * The sections the site lists (src/site.config.ts), which the demo's
   * stories are filed in: a section the site does not list is a warning
   * on every story in it, and a demo should build without any.
   */
  sections: readonly string[];
}

/**
 * Writes `count` articles into `out` (emptied first); returns the file count.
 * With `demo`, the stories are recent, carry summaries, some images, and two
 * developing stories with live updates; the benchmark's corpus is unchanged.
 */
export function writeCorpus(
  count: number,
  out: string,
  seed = 20200526,
  demo?: DemoOptions,
): number {
  const rand = random(seed);
  // The demo's extras draw from their own sequence, and only for the demo,
  // so the benchmark's articles stay byte for byte what they were.
  const extra = random(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const name = () => {
    const part = () => {
      const word = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join(
        "",
      );
      return word.charAt(0).toUpperCase() + word.slice(1);
    };
    return `${part()} ${part()}`;
  };
  const people = Array.from({ length: 300 }, name);
  const tags = Array.from({ length: 200 }, () =>
    `${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(WORDS)}`.replace(/^./, (c) => c.toUpperCase()),
  );
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const span = demo ? demo.days * 86_400_000 : 10 * 365 * 86_400_000;
  const start = demo ? demo.end.getTime() - span : Date.UTC(2016, 0, 1);

  rmSync(out, { recursive: true, force: true });
  for (const section of SECTIONS) mkdirSync(join(out, section), { recursive: true });
  for (let i = 0; i < count; i++) {
    // One draw either way, so the benchmark's corpus stays what it was.
    const section = pick(demo ? demo.sections : SECTIONS);
    // Whole minutes plus a second, so no time falls on a bare UTC midnight.
    const published = new Date(
      start + Math.floor((span * (i + rand())) / count / 60_000) * 60_000 + 1_000,
    );
    const headline = sentence(6 + Math.floor(rand() * 8)).slice(0, -1);
    const randomlyDeveloping = rand() < 0.002;
    const developing = demo ? i === count - 1 || i === count - 40 : randomlyDeveloping;
    const authors = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => pick(people));
    const contributors =
      rand() < 0.4 ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(people)) : [];
    const articleTags = [
      ...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(tags))),
    ];
    const paragraphs = [];
    let words = 0;
    while (words < 600) {
      const length = 2 + Math.floor(rand() * 3);
      const paragraph = Array.from({ length }, () => sentence(8 + Math.floor(rand() * 14))).join(
        " ",
      );
      paragraphs.push(rand() < 0.15 ? `"${paragraph}" said ${pick(people)}.` : paragraph);
      words += paragraph.split(" ").length;
    }
    const extras = demo ? demoExtras(demo, i, count, published, extra, sentence) : undefined;
    const frontmatter = [
      "---",
      `headline: ${JSON.stringify(headline)}`,
      `published: ${published.toISOString().replace(".000Z", "Z")}`,
      ...(extras?.frontmatter ?? []),
      ...(developing && !demo
        ? [
            `updated: ${new Date(published.getTime() + 3_600_000).toISOString()}`,
            "developing: true",
          ]
        : []),
      `dateline: ${JSON.stringify(pick(PLACES))}`,
      `source: ${pick(SOURCES)}`,
      `authors: ${JSON.stringify(authors)}`,
      ...(contributors.length ? [`contributors: ${JSON.stringify(contributors)}`] : []),
      `section: ${section}`,
      `tags: ${JSON.stringify(articleTags)}`,
      "---",
    ].join("\n");
    writeFileSync(
      join(out, section, `story-${String(i).padStart(6, "0")}.md`),
      `${frontmatter}\n\n${paragraphs.join("\n\n")}\n${extras?.body ?? ""}`,
    );
  }
  return count;
}

/** A demo story's summary, image and, for the developing ones, live updates. */
function demoExtras(
  demo: DemoOptions,
  i: number,
  count: number,
  published: Date,
  rand: () => number,
  sentence: (words: number) => string,
): { frontmatter: string[]; body: string } {
  const frontmatter = [`summary: ${JSON.stringify(sentence(12 + Math.floor(rand() * 10)))}`];
  // Every story sits one folder down, in its section's.
  const image = demo.images[i % demo.images.length];
  if (image && (i % 3 === 0 || i === count - 1)) {
    const path = `../${image}`;
    frontmatter.push(
      "image:",
      `  src: ${JSON.stringify(path)}`,
      `  alt: ${JSON.stringify(`Coloured shapes standing in for a news photograph (demo image ${(i % demo.images.length) + 1})`)}`,
      `  caption: ${JSON.stringify(sentence(8))}`,
      "  credit: Dateline demo",
    );
  }
  if (i !== count - 1 && i !== count - 40) return { frontmatter, body: "" };
  // Three updates in the last six hours (or since publication, for the
  // newest story), written in UTC, newest last: the site shows them newest
  // first in its own zone, and both stories are live, having moved within
  // the site's `liveForHours`.
  frontmatter.push("developing: true");
  const from = Math.max(published.getTime(), demo.end.getTime() - 6 * 3_600_000);
  const gap = (demo.end.getTime() - from) / 4;
  const updates = [1, 2, 3].map((k) => {
    const time = new Date(from + k * gap).toISOString().slice(0, 16);
    return `## ${time.replace("T", " ")}Z — ${sentence(5).slice(0, -1)}\n\n${sentence(20)}`;
  });
  const keyPoints = [sentence(10), sentence(12)].map((point) => `- ${point}`).join("\n");
  return { frontmatter, body: `\n## Key points\n\n${keyPoints}\n\n${updates.join("\n\n")}\n` };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000" },
      out: { type: "string" },
      seed: { type: "string", default: "20200526" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run corpus -- [--articles N] [--out DIR] [--seed N]\nWrites a synthetic article archive (never into content/).",
    );
    return;
  }
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles: expected a positive whole number, found "${values.articles}"`);
  const out = resolve(values.out ?? join(tmpdir(), `dateline-corpus-${count}`));
  if (resolve(out) === resolve("content") || resolve(out).startsWith(resolve("content") + "/")) {
    throw new Error(`--out: expected a folder outside content/, found ${out}`);
  }
  writeCorpus(count, out, Number(values.seed));
  console.log(
    `${readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".md")).length} articles in ${out}`,
  );
}

if (import.meta.filename === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`corpus: ${(error as Error).message}`);
    process.exit(1);
  }
}
