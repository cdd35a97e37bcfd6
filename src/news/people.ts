import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePerson, PEOPLE_FOLDER, type Person } from "../schemas/person.ts";

/** A problem with a person's file, with the file it is in. */
export interface PeopleProblem {
  /** Path of the file. */
  path: string;
  line: number;
  field: string;
  message: string;
  severity: "error" | "warning";
}

/** What the content folder says about people: each person's data by page slug, and what is wrong. */
export interface PeopleData {
  people: Map<string, Person>;
  problems: PeopleProblem[];
}

/**
 * Reads the optional people files (`people/<slug>.yml` in the content
 * folder, see src/schemas/person.ts). A file that names nobody the stories
 * credit (`credited`: the slugs of every byline and contributor, when given)
 * is a warning: its page does not exist, so it is probably misspelled.
 * No folder, no people, no problems.
 */
export function readPeople(contentRoot: string, credited?: ReadonlySet<string>): PeopleData {
  const folder = join(contentRoot, PEOPLE_FOLDER);
  const people = new Map<string, Person>();
  const problems: PeopleProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name) && !/^[._]/.test(name));
  } catch {
    return { people, problems };
  }
  for (const name of names.sort()) {
    const path = join(folder, name);
    const slug = name.replace(/\.ya?ml$/, "");
    const result = parsePerson(readFileSync(path, "utf8"), slug);
    if (result.problems) {
      problems.push(
        ...result.problems.map((problem) => ({ path, ...problem, severity: "error" as const })),
      );
      continue;
    }
    people.set(slug, result.person);
    if (credited && !credited.has(slug)) {
      problems.push({
        path,
        line: 1,
        field: "file",
        message: `expected the file of someone the stories credit (/people/${slug}/); found no story by or with ${JSON.stringify(result.person.name)}, so no page shows it`,
        severity: "warning",
      });
    }
  }
  return { people, problems };
}
