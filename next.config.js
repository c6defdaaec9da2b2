// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads the request's language and messages from i18n/request.ts (no locale in URLs).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");
const isDev = process.env.NODE_ENV !== "production";

// Next's own inline bootstrap scripts need 'unsafe-inline' (no nonces without middleware);
// eval is allowed only in development, where Next's hot reload needs it. TipTap and the
// delegation colours set inline styles. The socket is same-origin ('self').
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's driver adapters load native code (better-sqlite3) or Node-only drivers (pg):
  // keep them out of the bundle so Node resolves them at run time. Yjs too: the custom server
  // and the route handlers must share one copy of it, or its constructor checks fail. esbuild
  // (which compiles worker entries, server/compute/ts-worker.ts) runs its own native binary.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg", "yjs", "y-protocols", "lib0", "@tiptap/y-tiptap", "esbuild"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() answers a member who lacks the role with a real 403 page.
    authInterrupts: true,
    // "New proposal" sends an imported file (at most 2 MB, lib/document/starting-text.ts) and
    // pasted text in one form; Next's default for a server action's body is 1 MB.
    serverActions: { bodySizeLimit: "4mb" },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
