/**
 * What a JSON Feed 1.1 document gets wrong, by the specification's required
 * fields and types (https://www.jsonfeed.org/version/1.1/): an empty list for
 * a valid feed. Stricter than the specification in one way: every URL must be
 * absolute, since a feed is read away from the site.
 */
export function jsonFeedProblems(feed: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, expected: string, found: unknown): void => {
    problems.push(`${path}: expected ${expected}; found ${JSON.stringify(found)}`);
  };
  if (!isObject(feed)) {
    fail("feed", "an object", feed);
    return problems;
  }
  if (feed["version"] !== "https://jsonfeed.org/version/1.1")
    fail("version", '"https://jsonfeed.org/version/1.1"', feed["version"]);
  if (!nonEmptyString(feed["title"])) fail("title", "a non-empty string", feed["title"]);
  for (const key of ["home_page_url", "feed_url"]) {
    if (key in feed && !absoluteUrl(feed[key])) fail(key, "an absolute URL", feed[key]);
  }
  for (const key of ["description", "language"]) {
    if (key in feed && typeof feed[key] !== "string") fail(key, "a string", feed[key]);
  }
  checkAuthors(feed["authors"], "authors", fail);
  if (!Array.isArray(feed["items"])) {
    fail("items", "an array", feed["items"]);
    return problems;
  }
  const ids = new Set<string>();
  feed["items"].forEach((item: unknown, i) => {
    const at = `items[${i}]`;
    if (!isObject(item)) {
      fail(at, "an object", item);
      return;
    }
    const id = item["id"];
    if (!nonEmptyString(id)) fail(`${at}.id`, "a non-empty string", id);
    else if (ids.has(id)) fail(`${at}.id`, "an id no other item has", id);
    else ids.add(id);
    if (!nonEmptyString(item["content_html"]) && !nonEmptyString(item["content_text"]))
      fail(at, "content_html or content_text", Object.keys(item));
    if ("url" in item && !absoluteUrl(item["url"]))
      fail(`${at}.url`, "an absolute URL", item["url"]);
    for (const key of ["title", "summary", "content_html", "content_text"]) {
      if (key in item && typeof item[key] !== "string") fail(`${at}.${key}`, "a string", item[key]);
    }
    for (const key of ["date_published", "date_modified"]) {
      if (key in item && !rfc3339(item[key])) fail(`${at}.${key}`, "an RFC 3339 date", item[key]);
    }
    const tags = item["tags"];
    if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === "string")))
      fail(`${at}.tags`, "an array of strings", tags);
    checkAuthors(item["authors"], `${at}.authors`, fail);
  });
  return problems;
}

function checkAuthors(
  authors: unknown,
  path: string,
  fail: (path: string, expected: string, found: unknown) => void,
): void {
  if (authors === undefined) return;
  if (!Array.isArray(authors)) {
    fail(path, "an array", authors);
    return;
  }
  authors.forEach((author: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(author) || !["name", "url", "avatar"].some((key) => key in author)) {
      fail(at, "an object with a name, url or avatar", author);
      return;
    }
    if ("name" in author && !nonEmptyString(author["name"]))
      fail(`${at}.name`, "a non-empty string", author["name"]);
    if ("url" in author && !absoluteUrl(author["url"]))
      fail(`${at}.url`, "an absolute URL", author["url"]);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function absoluteUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\//.test(value) && URL.canParse(value);
}

function rfc3339(value: unknown): boolean {
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
