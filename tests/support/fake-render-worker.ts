/**
 * A stand-in for src/markdown/render-worker.ts, for the pool's own tests:
 * answers with the body in a paragraph, fails a body containing BOOM as the
 * renderer would, and dies on one containing DIE, as a thread that runs out
 * of memory does.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RenderTask, WorkerMessage } from "../../src/markdown/render-pool.ts";

const port = parentPort;
if (!port) throw new Error("a worker thread");
const send = (message: WorkerMessage) => port.postMessage(message);
port.on("message", (task: RenderTask) => {
  if (task.body.includes("DIE")) process.exit(3);
  if (task.body.includes("BOOM")) {
    send({
      id: task.id,
      error: { message: "Failed to parse", cause: "Maximum call stack size exceeded" },
    });
    return;
  }
  send({ id: task.id, html: `<p>${task.body}</p>`, localImagePaths: [], remoteImagePaths: [] });
});
send({ ready: (workerData as { print: string }).print });
