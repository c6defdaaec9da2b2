// The layering of DESIGN.md, enforced: the rule set in .dependency-cruiser.cjs must hold for the
// whole tree, and each rule must actually catch what it forbids (checked on a small tree made
// on purpose to break it, so a rule that matches nothing cannot pass unnoticed).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cruise, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../.dependency-cruiser.cjs") as IConfiguration;

async function violations(dirs: string[], baseDir?: string): Promise<string[]> {
  const result = await cruise(dirs, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden }, ...(baseDir ? { baseDir, tsConfig: undefined } : {}) });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe("dependency rules", () => {
  it("hold for the whole tree", async () => {
    expect(await violations(["app", "components", "lib", "server"])).toEqual([]);
  }, 120_000);

  it("each catch the import they forbid", async () => {
    const root = mkdtempSync(join(tmpdir(), "accord-layering-"));
    const files: Record<string, string> = {
      "server/services/use-case.ts": `import "../realtime/room";\nexport const useCase = 1;\n`,
      "server/realtime/room.ts": `export const room = 1;\n`,
      "server/document-store/journal.ts": `import "../services/use-case";\nexport const journal = 1;\n`,
      "components/widget.ts": `import "../server/services/use-case";\nexport const widget = 1;\n`,
      "lib/domain/rule.ts": `import "node:fs";\nimport "../util";\nexport const rule = 1;\n`,
      "lib/util.ts": `import "../app/page";\nexport const util = 1;\n`,
      "app/page.ts": `import "../server/document-store/journal";\nimport "../server/realtime/global";\nexport const page = 1;\n`,
      "server/realtime/global.ts": `export const global = 1;\n`,
    };
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const found = await violations(["app", "components", "lib", "server"], root);
      const rules = new Set(found.map((f) => f.split(":")[0]));
      for (const rule of config.forbidden!) expect(rules, `rule ${rule.name} caught nothing`).toContain(rule.name);
      // The one door from routes into the live layer stays open.
      expect(found.some((f) => f.includes("server/realtime/global"))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
