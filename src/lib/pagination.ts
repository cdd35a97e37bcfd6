/** One page of a paginated listing. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the listing has (at least 1, even when empty). */
  total: number;
  items: T[];
  /** Site path of this page. */
  path: string;
  prevPath: string | undefined;
  nextPath: string | undefined;
}

/** The path segment under a listing that its later pages live in. */
export const PAGE_SEGMENT = "page";

/**
 * The path of page `n` of a listing at `basePath`: the first page is the
 * listing itself, the others stable URLs under it.
 *
 * @example pagePath("/politics/", 1) // "/politics/"
 * @example pagePath("/politics/", 3) // "/politics/page/3/"
 */
export function pagePath(basePath: string, n: number): string {
  return n === 1 ? basePath : `${basePath}${PAGE_SEGMENT}/${n}/`;
}

/**
 * Splits a listing into pages of `perPage`. An empty listing still has its
 * first page, so its URL never 404s.
 */
export function paginate<T>(items: readonly T[], perPage: number, basePath: string): Page<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1)
    throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * perPage, number * perPage),
      path: pagePath(basePath, number),
      prevPath: number > 1 ? pagePath(basePath, number - 1) : undefined,
      nextPath: number < total ? pagePath(basePath, number + 1) : undefined,
    };
  });
}
