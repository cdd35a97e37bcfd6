import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { expect, test } from "vitest";
import Byline from "../../src/components/article/Byline.astro";

test("container", async () => {
  const container = await AstroContainer.create();
  const html = await container.renderToString(Byline, {
    props: { authors: ["A <b>", "B"], source: "CNN" },
  });
  expect(html).toContain("A &lt;b&gt; and B");
});
