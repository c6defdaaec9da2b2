import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "server/**/*.test.ts", "tests/*.test.ts", "tests/i18n/**/*.test.ts", "tests/integration/**/*.test.ts", "bench/**/*.test.ts"],
    // Integration suites start real servers on their own SQLite files; run files one at a
    // time so two suites never compete for the machine's two cores mid-measurement.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
