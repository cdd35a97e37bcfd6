import { describe, expect, test } from "vitest";
import {
  articleJsonLd,
  creditedSource,
  scriptSafeJson,
  type StructuredArticle,
} from "../../src/distribution/structured-data.ts";

const publisher = {
  name: "Dateline",
  url: "https://x.example/",
  logo: { url: "https://x.example/logo.png", width: 600, height: 60 },
};
const base: StructuredArticle = {
  url: "https://x.example/2020/05/26/politics/story/",
  headline: "Headline",
  description: "Summary.",
  published: new Date("2020-05-26T04:00:00Z"),
  modified: new Date("2020-05-26T04:00:00Z"),
  authors: [],
  contributors: [],
  source: { name: "CNN", url: "https://www.cnn.com/" },
  dateline: "Washington",
  section: "Politics",
  tags: ["A", "B"],
  corrections: [],
  developing: false,
  updates: [],
  language: "en-US",
};
const ld = (change: Partial<StructuredArticle> = {}) =>
  articleJsonLd({ ...base, ...change }, publisher, "America/New_York");

test("a story is a NewsArticle with dates in the site's zone", () => {
  expect(ld()).toMatchObject({
    "@type": "NewsArticle",
    datePublished: "2020-05-26T00:00:00-04:00",
    dateline: "Washington",
    articleSection: "Politics",
    keywords: "A, B",
    isAccessibleForFree: true,
    author: [{ "@type": "Organization", name: "CNN", url: "https://www.cnn.com/" }],
    publisher: { "@type": "NewsMediaOrganization", logo: { "@type": "ImageObject", width: 600 } },
  });
});

test("bylined authors and contributors are people with their pages; the image is an ImageObject", () => {
  const data = ld({
    authors: [{ name: "Ann Author", url: "https://x.example/people/ann-author/" }],
    contributors: [{ name: "Cy Helper", url: "https://x.example/people/cy-helper/" }],
    image: { url: "https://x.example/_astro/a.jpg", width: 1200, height: 675 },
  });
  expect(data).toMatchObject({
    author: [
      { "@type": "Person", name: "Ann Author", url: "https://x.example/people/ann-author/" },
    ],
    contributor: [
      { "@type": "Person", name: "Cy Helper", url: "https://x.example/people/cy-helper/" },
    ],
  });
  expect(data["image"]).toEqual([
    { "@type": "ImageObject", url: "https://x.example/_astro/a.jpg", width: 1200, height: 675 },
  ]);
  expect(ld()).not.toHaveProperty("contributor");
  expect(ld()).not.toHaveProperty("image");
});

test("a story with updates is a LiveBlogPosting; coverage ends with the last update once it stops developing", () => {
  const updates = [
    {
      time: new Date("2020-05-26T20:00:00Z"),
      title: "Order lifted",
      id: "update-2020-05-26-1600",
      text: "Officials lifted the order.",
    },
  ];
  expect(ld({ developing: true, updates })).not.toHaveProperty("coverageEndTime");
  const ended = ld({ developing: false, updates });
  expect(ended).toMatchObject({
    "@type": "LiveBlogPosting",
    coverageEndTime: "2020-05-26T16:00:00-04:00",
  });
  expect(ended).toHaveProperty("liveBlogUpdate", [
    {
      "@type": "BlogPosting",
      "@id": `${base.url}#update-2020-05-26-1600`,
      url: `${base.url}#update-2020-05-26-1600`,
      headline: "Order lifted",
      datePublished: "2020-05-26T16:00:00-04:00",
      articleBody: "Officials lifted the order.",
    },
  ]);
});

test("an update without a title is named by its time, never by the story's headline", () => {
  const data = ld({
    developing: true,
    updates: [
      { time: new Date("2020-05-26T20:00:00Z"), title: "", id: "update-1", text: "The storm." },
    ],
  });
  const [update] = (data as unknown as { liveBlogUpdate: { headline: string }[] }).liveBlogUpdate;
  expect(update?.headline).not.toBe(base.headline);
  expect(update?.headline).toMatch(/^Update, .*4:00/);
});

test("a developing story with no update yet has no liveBlogUpdate at all", () => {
  const data = ld({ developing: true, updates: [] });
  expect(data).toMatchObject({ "@type": "LiveBlogPosting" });
  expect(data).not.toHaveProperty("liveBlogUpdate");
});

test("a credited organisation carries its home page: the publication's own, a listed source's, or none", () => {
  const publication = { names: ["Dateline", "DL"], url: "https://x.example/" };
  const sources = { CNN: "https://www.cnn.com/" };
  expect(creditedSource("DL", publication, sources)).toEqual({
    name: "DL",
    url: "https://x.example/",
  });
  expect(creditedSource("CNN", publication, sources).url).toBe("https://www.cnn.com/");
  expect(creditedSource("toString", publication, sources).url).toBeUndefined();
  expect(ld({ source: { name: "Wire" } })["author"]).toEqual([
    { "@type": "Organization", name: "Wire" },
  ]);
});

describe("scriptSafeJson", () => {
  const hostile = { headline: '</script><script>alert("x")</script> & \u2028 <!--' };
  const json = scriptSafeJson(hostile);
  test("cannot end the script element or open a comment", () => {
    expect(json).not.toMatch(/<\/script|<!--|</i);
    expect(json).not.toContain("\u2028");
  });
  test("is still JSON for the same value", () => {
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
