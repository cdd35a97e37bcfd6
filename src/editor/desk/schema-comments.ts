/**
 * The `/** … *\/` comment of every property in the article schema's source,
 * by property name: the desk shows each as its field's hint, so the words an
 * editor reads beside a field are the schema's own.
 *
 * The schema's properties have unique names (`text` and `date` only under
 * corrections, `src` and `alt` only under image); a name commented twice with
 * different words is refused rather than guessed.
 *
 * @example schemaComments("/** The headline. *\/\n headline: text()").get("headline") // "The headline."
 */
export function schemaComments(source: string): Map<string, string> {
  const comments = new Map<string, string>();
  for (const [, body = "", name = ""] of source.matchAll(
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\s*:/g,
  )) {
    const text = body
      .split("\n")
      .map((line) => line.replace(/^\s*\*?\s?/, "").trim())
      .filter((line) => line !== "")
      .join(" ");
    const known = comments.get(name);
    if (known !== undefined && known !== text) {
      throw new Error(
        `The article schema comments the field "${name}" twice, differently: the desk cannot tell which is its hint`,
      );
    }
    comments.set(name, text);
  }
  return comments;
}
