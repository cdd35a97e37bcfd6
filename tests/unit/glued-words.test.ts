import { describe, expect, test } from "vitest";
import { gluedToLinks } from "../support/glued-words.ts";

describe.each([
  ["a word before a link", '<p>Try<a href="/search/">searching</a> it.</p>', 1],
  ["a comma before a link", '<p>section,<a href="/tags/">topic</a> or</p>', 1],
  ["a word after a link", '<p>the <a href="/tags/">the</a>topics</p>', 1],
  ["a word across a closing span", '<p><span>Live</span><a href="/x/">Storm</a></p>', 1],
  ["a number across a span before a link", "<nav><span>Page 1 of 2</span><a>Older</a></nav>", 1],
  ["spaces around links", '<p>Try <a href="/">searching</a>, or <a href="/">browse</a>.</p>', 0],
  ["links in list items", '<ul><li><a href="/">A</a></li><li><a href="/">B</a></li></ul>', 0],
  ["a link after an opening parenthesis", '<p>(<a href="/">see</a>)</p>', 0],
  ["markup inside a script", '<script>x="Try<a>it</a>"</script><p>Fine</p>', 0],
])("%s", (_, html, count) => {
  test(`is ${count ? "" : "not "}reported`, () => {
    expect(gluedToLinks(html)).toHaveLength(count);
  });
});

test("says where", () => {
  expect(
    gluedToLinks('<p>The address. Try<a href="/search/">searching the archive</a></p>'),
  ).toEqual(["The address. Try|searching the archive"]);
});
