// The app as a production server in a child process, for the benches that drive it through a
// browser (brackets, page). It settles its own port; the URL is localhost, the origin the
// socket handshake accepts.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export type AppServer = { child: ChildProcess; url: string; output: () => string };

/**
 * `dev`: a development server (pages compiled on demand). `nodeFlags`: extra Node/V8 flags
 * (tsx hands them to node), e.g. "--cpu-prof --cpu-prof-dir=DIR".
 */
export async function startAppServer(dbUrl: string, secret: string, opts: { dev?: boolean; nodeFlags?: readonly string[] } = {}): Promise<AppServer> {
  // Its own process group, so stopping it stops tsx's node child too.
  const child = spawn(join("node_modules", ".bin", "tsx"), [...(opts.nodeFlags ?? []), "server/index.ts", ...(opts.dev ? ["--dev"] : [])], {
    env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: secret, ACCORD_SKIP_SEED: "1", PORT: "0", HOST: "127.0.0.1", NODE_ENV: opts.dev ? "development" : "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server not ready in 60 s:\n${out.slice(-2000)}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready on http:\/\/localhost:(\d+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out.slice(-2000)}`));
    });
  });
  return { child, url: `http://localhost:${port}`, output: () => out };
}
