/**
 * How a value found in frontmatter is named in an error message, so an editor
 * sees what they wrote: `"May 26"`, `a number (12)`, `nothing`.
 *
 * @example describeValue(undefined) // "nothing"
 * @example describeValue("soon") // "\"soon\""
 */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "nothing";
  if (typeof value === "string")
    return value.trim() === "" ? "an empty text" : JSON.stringify(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a group of fields";
  return `${typeof value} ${String(value)}`;
}
