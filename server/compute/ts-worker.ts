// Starts a worker thread from a TypeScript source file, the same way under tsx (the production
// server, `tsx server/index.ts`), under vitest, and out of reach of Next's bundler.
//
// The entry and the project files it imports are compiled once per process with esbuild into
// one plain ES module (packages stay imports, resolved from node_modules as usual), and the
// worker runs that. Why not tsx inside the worker: on Node 20 a worker does not apply the tsx
// loader it inherits, and registering tsx in each worker (its own loader-hooks thread, source
// maps) made every job markedly dearer — a journal compaction in a tsx worker cost ~300 ms more
// CPU than the same merge in a plain one, +20% server CPU on a room of typists.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import { build, buildSync, type BuildOptions } from "esbuild";

/** Inside node_modules, so that the compiled file's package imports resolve from the project. */
const OUT_DIR = join("node_modules", ".cache", "accord-workers");

// Compiled entries by source file, process-wide: Next's route handlers run their own copy of
// this module, and must find what the custom server compiled at start.
const holder = globalThis as { accordCompiledWorkers?: Map<string, string> };
const compiled = (holder.accordCompiledWorkers ??= new Map<string, string>());

const buildOptions = (root: string, file: string): BuildOptions & { write: false } => ({
  entryPoints: [join(/*turbopackIgnore: true*/ root, file)],
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node20",
  write: false,
  logLevel: "silent",
});

function store(root: string, file: string, code: Uint8Array): string {
  // Named by content: processes running the same code share one file, and new code gets a new one.
  const out = join(/*turbopackIgnore: true*/ root, OUT_DIR, `${basename(file, ".ts")}-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    mkdirSync(join(/*turbopackIgnore: true*/ root, OUT_DIR), { recursive: true });
    // Written aside, then renamed: another process starting at once never reads half a file.
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out);
  }
  compiled.set(file, out);
  return out;
}

function compile(file: string): string {
  const cached = compiled.get(file);
  if (cached) return cached;
  const root = /*turbopackIgnore: true*/ process.cwd();
  return store(root, file, buildSync(buildOptions(root, file)).outputFiles[0]!.contents);
}

/**
 * Compiles worker entries ahead of their first use, off the event loop (esbuild works in its
 * own process): the first comparison then does not wait ~100 ms for a synchronous build.
 */
export async function prepareWorkers(files: string[]): Promise<void> {
  const root = /*turbopackIgnore: true*/ process.cwd();
  await Promise.all(
    files.filter((f) => !compiled.has(f)).map(async (f) => store(root, f, (await build(buildOptions(root, f))).outputFiles[0]!.contents)),
  );
}

/**
 * `file` is relative to the project root, taken from the working directory at run time (as
 * Next itself takes it): Next bundles the pages that reach this code into .next/, where
 * `import.meta.url` no longer points into the source tree, and a path computed at run time is
 * one the bundler leaves alone.
 */
export function startTsWorker(file: string, opts: { resourceLimits?: ResourceLimits } = {}): Worker {
  return new Worker(compile(file), opts);
}
