/**
 * Escapes text for XML element content and attribute values.
 *
 * @example escapeXml(`"A" & <B>`) // "&quot;A&quot; &amp; &lt;B&gt;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/**
 * Makes every relative `href`, `src` and `srcset` URL in an HTML fragment
 * absolute, so the fragment works outside the site (feed readers, email).
 * A fragment-only link (`#update-…`) becomes the page's URL with the
 * fragment: outside the page there is nothing for it to lead to.
 *
 * @example absolutizeHtml('<a href="/2020/">x</a>', "https://news.example/site/")
 * // '<a href="https://news.example/2020/">x</a>'
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const absolute = (url: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
    try {
      return new URL(url.replace(/&amp;/g, "&"), pageUrl).href.replace(/&/g, "&amp;");
    } catch {
      return url;
    }
  };
  // Own code rather than a library: the fragment is serialized HTML from our own
  // pipeline (always double-quoted attributes), and a parse and re-serialize
  // through hast would cost more per story than this pass.
  return html.replace(/\s(href|src|srcset)="([^"]*)"/g, (_, name: string, value: string) => {
    const rewritten =
      name === "srcset"
        ? value
            .split(",")
            .map((candidate) => {
              const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
              return [absolute(url), ...descriptor].join(" ");
            })
            .join(", ")
        : absolute(value);
    return ` ${name}="${rewritten}"`;
  });
}
