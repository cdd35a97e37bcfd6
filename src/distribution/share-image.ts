import { escapeXml } from "./xml.ts";

/** What the site's default share image says. */
export interface ShareImageText {
  /** The publication's name, set large. */
  name: string;
  /** One line under it: the publication's description. */
  description: string;
  /** The host readers know the site by, e.g. "dateline.example.com". */
  host: string;
}

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/**
 * The SVG of the site's default share image (1200×630, the size Open Graph
 * and Twitter cards ask for): the name in the site's serif on paper white,
 * the accent rule, the description and the host. Type only, no artwork, so
 * any newsroom can regenerate it from its own config (`npm run share-image`).
 * The name's size shrinks so long names still fit on one line.
 *
 * @example shareImageSvg({ name: "Dateline", description: "News.", host: "dateline.example.com" })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" …'
 */
export function shareImageSvg({ name, description, host }: ShareImageText): string {
  const { width, height } = SHARE_IMAGE_SIZE;
  const margin = 96;
  // Bold serif capitals and lower case average a little over half an em.
  const nameSize = Math.round(
    Math.min(168, (width - 2 * margin) / (0.56 * Math.max(1, name.length))),
  );
  const serif = `Georgia, 'Liberation Serif', 'DejaVu Serif', serif`;
  const sans = `'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#fbfaf7"/>
  <rect width="${width}" height="14" fill="#b00020"/>
  <rect x="${margin}" y="${height - 120}" width="${width - 2 * margin}" height="2" fill="#d8d8d8"/>
  <text x="${margin}" y="318" font-family="${serif}" font-size="${nameSize}" font-weight="700" letter-spacing="-2" fill="#1a1a1a">${escapeXml(name)}</text>
  <rect x="${margin + 4}" y="368" width="132" height="8" fill="#b00020"/>
  <text x="${margin}" y="448" font-family="${serif}" font-size="40" font-style="italic" fill="#444">${escapeXml(description)}</text>
  <text x="${margin}" y="${height - 66}" font-family="${sans}" font-size="28" font-weight="700" letter-spacing="3" fill="#555">${escapeXml(host.toUpperCase())}</text>
</svg>
`;
}
