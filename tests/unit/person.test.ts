import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readPeople } from "../../src/news/people.ts";
import { parsePerson } from "../../src/schemas/person.ts";

describe("parsePerson", () => {
  test("reads name, role and bio", () => {
    expect(
      parsePerson(
        "name: Ada Reporter\nrole: Political correspondent\nbio: Ada covers Congress.\n",
        "ada-reporter",
      ),
    ).toEqual({
      person: {
        name: "Ada Reporter",
        role: "Political correspondent",
        bio: "Ada covers Congress.",
      },
    });
    expect(parsePerson("name: Ada Reporter\n", "ada-reporter").person).toEqual({
      name: "Ada Reporter",
    });
  });

  test.each([
    [
      "a field the page does not show",
      "name: Ada Reporter\ntwitter: '@ada'\n",
      {
        line: 1,
        field: "file",
        message: "expected only the fields name, role and bio; found twitter",
      },
    ],
    [
      "a role that is a list",
      "name: Ada Reporter\nrole: [Editor, Writer]\n",
      {
        line: 2,
        field: "role",
        message: "expected their job, such as Political correspondent; found a list of 2",
      },
    ],
    [
      "a bio too long for the page",
      `name: Ada Reporter\nbio: ${"word ".repeat(130)}\n`,
      {
        line: 2,
        field: "bio",
        message: "expected a short biography in plain text of at most 600 characters; found 649",
      },
    ],
    [
      "no name",
      "role: Editor\n",
      {
        line: 1,
        field: "name",
        message: "expected the person's name as their bylines write it; found nothing",
      },
    ],
    [
      "another person's name",
      "role: Editor\nname: Ada Reportr\n",
      {
        line: 2,
        field: "name",
        message:
          'expected the name of the person whose page this file is for (a file named ada-reporter.yml is for the page /people/ada-reporter/); found "Ada Reportr", whose page is /people/ada-reportr/ (rename the file ada-reportr.yml, or fix the name)',
      },
    ],
    [
      "broken YAML",
      'name: "Ada Reporter\n',
      {
        line: 1,
        field: "file",
        message:
          'expected valid YAML; found a value opened with " and never closed (close it with " at the end of the value)',
      },
    ],
  ])("refuses %s, naming the field and its line", (_, yaml, problem) => {
    expect(parsePerson(yaml, "ada-reporter").problems).toEqual([problem]);
  });
});

describe("readPeople", () => {
  const folder = () => {
    const root = mkdtempSync(join(tmpdir(), "dateline-people-"));
    mkdirSync(join(root, "people"));
    return root;
  };

  test("no people folder: no people and nothing to say", () => {
    expect(readPeople(mkdtempSync(join(tmpdir(), "dateline-none-")))).toEqual({
      people: new Map(),
      problems: [],
    });
  });

  test("reads each file by its page's slug; warns of a file no story credits", () => {
    const root = folder();
    writeFileSync(join(root, "people/ada-reporter.yml"), "name: Ada Reporter\nrole: Editor\n");
    writeFileSync(join(root, "people/ben-writer.yaml"), "name: Ben Writer\n");
    writeFileSync(join(root, "people/notes.txt"), "not a person");
    const { people, problems } = readPeople(root, new Set(["ada-reporter"]));
    expect([...people.keys()]).toEqual(["ada-reporter", "ben-writer"]);
    expect(problems).toEqual([
      {
        path: join(root, "people/ben-writer.yaml"),
        line: 1,
        field: "file",
        message:
          'expected the file of someone the stories credit (/people/ben-writer/); found no story by or with "Ben Writer", so no page shows it',
        severity: "warning",
      },
    ]);
  });

  test("a bad file is an error naming the file", () => {
    const root = folder();
    writeFileSync(join(root, "people/ada-reporter.yml"), "name: Ada Reporter\nrole: 12\n");
    expect(readPeople(root).problems).toEqual([
      {
        path: join(root, "people/ada-reporter.yml"),
        line: 2,
        field: "role",
        message: "expected their job, such as Political correspondent; found number 12",
        severity: "error",
      },
    ]);
  });
});
