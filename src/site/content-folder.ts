/**
 * The folder editors' files are read from: `DATELINE_CONTENT` (benchmarks,
 * fixtures, the demo), else `./content`, relative to the project root. The
 * one place that says so: the articles' collection and the people's pages
 * ask here.
 */
export function contentFolder(): string {
  return process.env["DATELINE_CONTENT"] ?? "./content";
}
