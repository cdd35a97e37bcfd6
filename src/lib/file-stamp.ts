import { statSync } from "node:fs";

/**
 * What a file's stat says of it: inode, size, modification and change times
 * (nanoseconds). Any write to the file, or another file in its place, changes
 * it, so bytes read or worked out from the file hold while its stamp does.
 */
export function fileStamp(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}
