import type { Page } from "@playwright/test";

/** An empty band in a card's place on a front. */
export interface Hole {
  /** The card's headline. */
  card: string;
  /** The tallest empty band in its slot, in CSS pixels: under its content or between its parts. */
  gap: number;
}

/**
 * Every card of the page's fronts (the lead, the slots' rows, live stories,
 * listing rows), with the tallest empty band in the place its row gives it:
 * between two of its parts, or under the last. Content is each line of text
 * (its line box: the glyphs' box grown to the line's height, cut where an
 * ancestor clips it) and each picture. Blocks laid out only near the
 * viewport (`content-visibility: auto`) are forced visible first.
 */
export function holesIn(page: Page): Promise<Hole[]> {
  return page.evaluate(async () => {
    for (const block of document.querySelectorAll<HTMLElement>("*")) {
      if (getComputedStyle(block).contentVisibility === "auto") {
        block.style.contentVisibility = "visible";
      }
    }
    // Measured as the reader sees the page once it has loaded: every picture
    // fetched and decoded, the layout settled.
    await Promise.all(
      [...document.images].map((image) => {
        image.loading = "eager";
        return image.decode().catch(() => undefined);
      }),
    );
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const slots = document.querySelectorAll<HTMLElement>(
      ".top-lead, .slot-row > li, .live-item, .article-list > li",
    );
    /** The box an element's content may show in: cut by every ancestor that clips. */
    const clipOf = (element: Element, slot: Element) => {
      let top = -Infinity;
      let bottom = Infinity;
      for (let at: Element | null = element; at && at !== slot; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (style.overflowY !== "visible" || style.contain.includes("paint")) {
          const box = at.getBoundingClientRect();
          top = Math.max(top, box.top);
          bottom = Math.min(bottom, box.bottom);
        }
      }
      return { top, bottom };
    };
    return [...slots].map((slot) => {
      const bands: [number, number][] = [];
      const walker = document.createTreeWalker(slot, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || !node.parentElement) continue;
        const style = getComputedStyle(node.parentElement);
        if (style.visibility === "hidden") continue;
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
        const clip = clipOf(node.parentElement, slot);
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width < 2 || rect.height < 2) continue;
          const middle = (rect.top + rect.bottom) / 2;
          const top = Math.max(middle - line / 2, clip.top);
          const bottom = Math.min(middle + line / 2, clip.bottom);
          if (bottom - top >= line / 2) bands.push([top, bottom]);
        }
      }
      for (const image of slot.querySelectorAll("img")) {
        const rect = image.getBoundingClientRect();
        if (rect.width > 2 && rect.height > 2) bands.push([rect.top, rect.bottom]);
      }
      const box = slot.getBoundingClientRect();
      const style = getComputedStyle(slot);
      const top = box.top + parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
      const bottom =
        box.bottom - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth);
      bands.sort((a, b) => a[0] - b[0]);
      let reached = top;
      let gap = 0;
      for (const [start, end] of bands) {
        gap = Math.max(gap, start - reached);
        reached = Math.max(reached, end);
      }
      gap = Math.max(gap, bottom - reached);
      const card = slot.querySelector("h2, h3")?.textContent?.trim() ?? slot.textContent ?? "";
      return { card: card.slice(0, 60), gap: Math.round(gap * 10) / 10 };
    });
  });
}
