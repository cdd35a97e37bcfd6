/**
 * A thread of the render pool (render-pool.ts): builds the site's Markdown
 * pipeline once, as astro.config.ts does (site-markdown.ts), says it is ready
 * with the pipeline's print, and renders each story it is sent.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { PoolSettings, RenderTask, WorkerMessage } from "./render-pool.ts";
import { pipelineFingerprint, siteMarkdown } from "./site-markdown.ts";

const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a thread of render-pool.ts");
const settings = workerData as PoolSettings;
const processor = siteMarkdown(settings.site);
const renderer = await processor.createRenderer(
  settings.shared as Parameters<typeof processor.createRenderer>[0],
);
const send = (message: WorkerMessage) => port.postMessage(message);

port.on("message", (task: RenderTask) => {
  renderer
    .render(task.body, { frontmatter: task.frontmatter, fileURL: new URL(task.fileURL) })
    .then(
      (result) =>
        send({
          id: task.id,
          html: result.code,
          localImagePaths: result.metadata.localImagePaths,
          remoteImagePaths: result.metadata.remoteImagePaths,
        }),
      (error: unknown) =>
        send({
          id: task.id,
          error: {
            message: error instanceof Error ? error.message : String(error),
            ...(error instanceof Error && error.cause instanceof Error
              ? { cause: error.cause.message }
              : {}),
          },
        }),
    );
});
send({ ready: pipelineFingerprint(processor) });
