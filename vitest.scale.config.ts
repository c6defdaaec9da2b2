// `npm run test:scale`: the suites that need PostgreSQL and Redis (several server processes).
import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["tests/scale/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
});
