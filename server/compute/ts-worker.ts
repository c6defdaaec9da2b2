// Starts a worker thread from a TypeScript source file, the same way under tsx (the production
// server, `tsx server/index.ts`) and under vitest, and out of reach of Next's bundler.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * `file` is relative to the project root, taken from the working directory at run time (as
 * Next itself takes it): Next bundles the pages that reach this code into .next/, where
 * `import.meta.url` no longer points into the source tree, and a path computed at run time is
 * one the bundler leaves alone.
 *
 * Why a bootstrap that loads tsx's API inside the worker: on Node 20 a worker does not apply the
 * tsx loader it inherits through execArgv, nor an added `--import tsx`, to its .ts entry (both
 * fail with ERR_UNKNOWN_FILE_EXTENSION); `tsImport` registers tsx for that one import graph.
 */
export function startTsWorker(file: string, opts: { resourceLimits?: ResourceLimits } = {}): Worker {
  // The ignore comment keeps Turbopack from tracing the whole project into the build for this
  // one path: the server runs from the source tree, so there is nothing to copy.
  const url = JSON.stringify(pathToFileURL(join(/*turbopackIgnore: true*/ process.cwd(), file)).href);
  // A failed start is rethrown outside the promise, so it reaches the pool as the worker's "error".
  const bootstrap = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${url}, ${url})).catch((e) => process.nextTick(() => { throw e; }));`;
  return new Worker(bootstrap, { eval: true, ...opts });
}
