/**
 * Joins names the way AP style does: no serial comma.
 *
 * @example joinNames(["A"]) // "A"
 * @example joinNames(["A", "B"]) // "A and B"
 * @example joinNames(["A", "B", "C"]) // "A, B and C"
 */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/**
 * The closing credit line for contributors, or `undefined` when there are none.
 *
 * @example contributorLine("CNN", ["Kaitlan Collins", "Maegan Vazquez"])
 * // "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report."
 */
export function contributorLine(source: string, names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  return `${possessive(source)} ${joinNames(names)} contributed to this report.`;
}

/**
 * AP possessive: "CNN's", but "Reuters'" for a name ending in s.
 *
 * @example possessive("Reuters") // "Reuters'"
 */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/**
 * Names with the separators an AP-style list puts after each, for rendering
 * each name as a link.
 *
 * @example listParts(["A", "B", "C"]) // [{ name: "A", after: ", " }, { name: "B", after: " and " }, { name: "C", after: "" }]
 */
export function listParts(names: readonly string[]): { name: string; after: string }[] {
  return names.map((name, index) => ({
    name,
    after: index === names.length - 1 ? "" : index === names.length - 2 ? " and " : ", ",
  }));
}
