import type { Page } from "@playwright/test";

/** A file of the site's repository, for the desk's local folder. */
export interface FolderFile {
  path: string;
  bytes: Buffer;
}

/**
 * Makes the desk's "Work with Local Repository" open a folder of the
 * browser's origin private file system (OPFS) instead of asking the user to
 * pick one: the page's `showDirectoryPicker` returns a real directory handle,
 * so the code under test is the manager's own file-system code. Call before
 * the page loads.
 */
export async function pickFolderFromOpfs(page: Page, name = "site"): Promise<void> {
  await page.addInitScript((folder) => {
    Object.defineProperty(window, "showDirectoryPicker", {
      configurable: true,
      value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder),
    });
  }, name);
}

/** Writes files into the OPFS folder (emptied first), in batches. */
export async function fillFolder(page: Page, files: readonly FolderFile[], name = "site") {
  await page.evaluate(async (folder) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(folder, { recursive: true }).catch(() => undefined);
    await root.getDirectoryHandle(folder, { create: true });
  }, name);
  const BATCH = 200;
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files
      .slice(start, start + BATCH)
      .map(({ path, bytes }) => ({ path, data: bytes.toString("base64") }));
    await page.evaluate(
      async ({ folder, batch }) => {
        const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
        await Promise.all(
          batch.map(async ({ path, data }) => {
            const parts = path.split("/");
            let dir = root;
            for (const part of parts.slice(0, -1)) {
              dir = await dir.getDirectoryHandle(part, { create: true });
            }
            const file = await dir.getFileHandle(parts.at(-1)!, { create: true });
            const writable = await file.createWritable();
            await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
            await writable.close();
          }),
        );
      },
      { folder: name, batch },
    );
  }
}

/** Every file of the OPFS folder, by path. */
export async function readFolder(page: Page, name = "site"): Promise<Map<string, Buffer>> {
  const files: { path: string; data: string }[] = await page.evaluate(async (folder) => {
    const found: { path: string; data: string }[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [entry, handle] of dir.entries()) {
        const path = `${prefix}${entry}`;
        if (handle instanceof FileSystemDirectoryHandle) await walk(handle, `${path}/`);
        else if (handle instanceof FileSystemFileHandle) {
          const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
          let binary = "";
          for (const byte of bytes) binary += String.fromCharCode(byte);
          found.push({ path, data: btoa(binary) });
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(folder), "");
    return found;
  }, name);
  return new Map(files.map(({ path, data }) => [path, Buffer.from(data, "base64")]));
}
