// The layering rules of DESIGN.md, checked on every `npm test` (tests/architecture.test.ts) and
// by `npx depcruise app components lib server --config .dependency-cruiser.cjs`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "components-not-server",
      comment: "Components run in the browser too: they never import server code; data reaches them through props, actions and the socket.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^server/" },
    },
    {
      name: "domain-is-pure",
      comment: "lib/domain holds the rules: it imports only itself and pure computation (hashing, array diff) — no I/O, no framework, no other layer.",
      severity: "error",
      from: { path: "^lib/domain/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^lib/domain/", "^(node:)?crypto$", "(^|/)node_modules/diff/"] },
    },
    {
      name: "lib-is-the-bottom",
      comment: "lib/ is shared by server and browser: it never reaches up into server/, app/ or components/.",
      severity: "error",
      from: { path: "^lib/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(server|app|components)/" },
    },
    {
      name: "app-reaches-data-through-services",
      comment: "Routes parse, call a use case and respond: they never touch storage, rooms or workers themselves (the realtime accessor is the one door to the live layer).",
      severity: "error",
      from: { path: "^app/" },
      to: { path: ["^server/(document-store|realtime|compute|seed)/", "^lib/generated/", "(^|/)node_modules/@prisma/"], pathNot: "^server/realtime/global\\.ts$" },
    },
    {
      name: "services-not-realtime",
      comment: "Use cases reach the live layer only through interfaces they declare (LiveDocuments, LiveNotifier).",
      severity: "error",
      from: { path: "^server/services/" },
      to: { path: "^server/realtime/" },
    },
    {
      name: "storage-below-use-cases",
      comment: "The document store is used by use cases and rooms, never the other way round.",
      severity: "error",
      from: { path: "^server/document-store/" },
      to: { path: "^server/(services|realtime)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: false,
  },
};
