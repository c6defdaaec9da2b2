// Another process holding a SQLite database's write lock, as a backup tool or a maintenance
// script would: `node --import tsx tests/helpers/sqlite-locker.ts FILE MS` takes the lock, prints
// "LOCKED", holds it for MS milliseconds, releases it and exits.
import Database from "better-sqlite3";

const [file, ms] = process.argv.slice(2);
if (!file || !ms) {
  console.error("usage: sqlite-locker.ts FILE MS");
  process.exit(2);
}
const conn = new Database(file, { timeout: 5000 });
conn.prepare("BEGIN IMMEDIATE").run();
process.stdout.write("LOCKED\n");
setTimeout(() => {
  conn.prepare("ROLLBACK").run();
  conn.close();
  process.exit(0);
}, Number(ms));
