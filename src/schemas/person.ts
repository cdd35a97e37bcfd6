import { z } from "astro/zod";
import { isMap, LineCounter, parseDocument } from "yaml";
import { describeValue } from "../lib/describe-value.ts";
import { slugify } from "../lib/slug.ts";

/**
 * People data: optional, one YAML file per person in the content folder's
 * `people/` folder, named after their page (`people/ada-reporter.yml` for
 * Ada Reporter's page, /people/ada-reporter/). Their page shows the role
 * under their name and the bio above their stories. The schema, its messages
 * and the reading of a file are all here; src/news/people.ts reads the
 * folder, and `npm run check` and the build report what this finds.
 *
 * ```yaml
 * name: Ada Reporter
 * role: Political correspondent
 * bio: Ada covers Congress and the Alabama statehouse.
 * ```
 */

/** The folder, inside the content folder, that people files live in. */
export const PEOPLE_FOLDER = "people";

/** The longest role and bio a page shows: a line, and a short paragraph. */
export const ROLE_LIMIT = 80;
export const BIO_LIMIT = 600;

const text = (what: string, limit: number) =>
  z
    .string({ error: (issue) => `expected ${what}; found ${describeValue(issue.input)}` })
    .trim()
    .min(1, { error: `expected ${what}; found an empty text` })
    .max(limit, {
      error: (issue) =>
        `expected ${what} of at most ${limit} characters; found ${String((issue.input as string).length)}`,
    });

/** A person's file, every field documented. */
export const personSchema = z.strictObject(
  {
    /** The person's name as their bylines write it: the file's name is its slug. Required. */
    name: text("the person's name as their bylines write it", 100),
    /** Their job, shown under their name: "Political correspondent". Optional, one line. */
    role: text("their job, such as Political correspondent", ROLE_LIMIT).optional(),
    /** A short biography in plain text, shown on their page above their stories. Optional. */
    bio: text("a short biography in plain text", BIO_LIMIT).optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `expected only the fields name, role and bio; found ${issue.keys.join(", ")}`
        : `expected fields such as "name: Ada Reporter"; found ${describeValue(issue.input)}`,
  },
);

/** A person's data after validation. */
export type Person = z.output<typeof personSchema>;

/** A problem with a person's file: the field, its line and what was expected and found. */
export interface PersonProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Reads one person's file: its data, or every problem with its line. The
 * file's name (without `.yml`) must be the slug of the name inside it, so
 * that it lands on that person's page.
 *
 * @example parsePerson("name: Ada Reporter\nrole: Political correspondent\n", "ada-reporter").person?.role // "Political correspondent"
 */
export function parsePerson(
  yaml: string,
  slug: string,
): { person: Person; problems?: undefined } | { person?: undefined; problems: PersonProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const reason = error.message.split(" at line ")[0] ?? error.message;
    const quote = /^Missing closing (["'])quote/.exec(reason)?.[1];
    // The parser notices an unclosed quote where the file ends: name the line it opened on.
    const opened = quote
      ? yaml.split("\n").findIndex((line) => line.split(quote).length % 2 === 0) + 1
      : 0;
    return {
      problems: [
        {
          line: opened || counter.linePos(error.pos[0]).line,
          field: "file",
          message: quote
            ? `expected valid YAML; found a value opened with ${quote} and never closed (close it with ${quote} at the end of the value)`
            : `expected valid YAML; found ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`,
        },
      ],
    };
  }
  const lineOf = (field: string) => {
    if (!isMap(doc.contents)) return 1;
    const pair = doc.contents.items.find(
      (item) => (item.key as { value?: unknown } | null)?.value === field,
    );
    const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const result = personSchema.safeParse(doc.toJS() ?? undefined);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => {
        const field = issue.path.map(String).join(".") || "file";
        return { line: field === "file" ? 1 : lineOf(field), field, message: issue.message };
      }),
    };
  }
  const own = slugify(result.data.name);
  if (own !== slug) {
    return {
      problems: [
        {
          line: lineOf("name"),
          field: "name",
          message: `expected the name of the person whose page this file is for (a file named ${slug}.yml is for the page /people/${slug}/); found ${JSON.stringify(result.data.name)}, whose page is /people/${own}/ (rename the file ${own}.yml, or fix the name)`,
        },
      ],
    };
  }
  return { person: result.data };
}
