// `npx tsx tests/i18n/scan-cli.ts components/votes app/account …`: the literal strings the
// no-literal-strings check would report in those folders or files (all of app/ and components/
// when none are named).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { literalStrings } from "./literal-strings.ts";

const targets = process.argv.slice(2);
const files = (targets.length ? targets : ["app", "components"]).flatMap((t) =>
  statSync(t).isDirectory()
    ? readdirSync(t, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith(".tsx"))
        .map((e) => join(e.parentPath, e.name))
    : [t],
);
let n = 0;
for (const f of files) {
  for (const l of literalStrings(f, readFileSync(f, "utf8"))) {
    console.log(`${l.file}:${l.line} ${l.text}`);
    n++;
  }
}
console.log(`${n} literal string(s)`);
