// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's driver adapters load native code (better-sqlite3) or Node-only drivers (pg):
  // keep them out of the bundle so Node resolves them at run time.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "better-sqlite3", "pg", "yjs", "y-protocols", "lib0", "@tiptap/y-tiptap"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers a member who lacks the role with a real 403 page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
