import { datePath, formatDate, formatMonth } from "../lib/dates.ts";
import { nameSlug } from "../lib/slug.ts";

/** A named group of items under one URL. */
export interface Group<T> {
  /** URL slug or path key of the group. */
  key: string;
  /** What readers see: "Politics", "Jeff Sessions", "May 2020". */
  name: string;
  items: T[];
}

/**
 * Groups items under every key each belongs to, keeping the items' order
 * within each group and the order in which groups were first seen. One pass.
 */
export function groupBy<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly { key: string; name: string }[],
): Map<string, Group<T>> {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    for (const { key, name } of keysOf(item)) {
      let group = groups.get(key);
      if (!group) {
        group = { key, name, items: [] };
        groups.set(key, group);
      }
      if (group.items.at(-1) !== item) group.items.push(item);
    }
  }
  return groups;
}

/**
 * Names as group keys: address (`nameSlug`: one per name, in any script)
 * and display name, without duplicates by address.
 *
 * @example nameKeys(["Jeff Sessions", "jeff sessions"]) // [{ key: "jeff-sessions", name: "Jeff Sessions" }]
 */
export function nameKeys(names: readonly string[]): { key: string; name: string }[] {
  const seen = new Set<string>();
  const keys: { key: string; name: string }[] = [];
  for (const name of names) {
    const key = nameSlug(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    keys.push({ key, name });
  }
  return keys;
}

/**
 * The date archives a story belongs to, one per date prefix of its
 * permalink: year, month and day. A day's page shows the day's stories by
 * section, each under a heading whose id is the section's slug, so
 * `/2020/05/26/#politics` is that day's politics: the one page does the work
 * of the ten-odd day-and-section pages it replaced (a third of all pages).
 *
 * @example archiveKeys(new Date("2020-05-26T04:00:00Z"), "America/New_York")
 * // keys "2020", "2020/05", "2020/05/26"
 */
export function archiveKeys(published: Date, timeZone: string): { key: string; name: string }[] {
  const [year, month, day] = datePath(published, timeZone);
  return [
    { key: year, name: year },
    { key: `${year}/${month}`, name: formatMonth(published, timeZone) },
    { key: `${year}/${month}/${day}`, name: formatDate(published, timeZone) },
  ];
}

/**
 * A section's display name: the configured one, else its slug in title case.
 *
 * @example sectionName("us-politics", []) // "Us Politics"
 */
export function sectionName(
  slug: string,
  sections: readonly { slug: string; name: string }[],
): string {
  return (
    sections.find((section) => section.slug === slug)?.name ??
    slug
      .split("-")
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(" ")
  );
}
