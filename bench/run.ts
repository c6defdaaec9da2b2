// npm run bench: one entry for every benchmark. Parses the command line (bench/cli.ts) and hands
// the command to its engine: load runs (profiles, scenarios, the baseline, soak, several nodes)
// to bench/engine/, trace replays to bench/trace/, the room-load, history, board, amendments and
// brackets cases to their own files. See bench/README.md.
import { runAmendmentsBench } from "./amendments/amendments-bench.ts";
import { runBoardBench } from "./board/board-bench.ts";
import { runBracketsBench } from "./brackets/brackets-bench.ts";
import { runExportsBench } from "./exports/exports-bench.ts";
import { runPageBench } from "./page/first-paint.ts";
import { runIdleBench } from "./idle/idle-bench.ts";
import { USAGE, parseCli, type Command } from "./cli.ts";
import { runSession } from "./engine/session.ts";
import { runHistoryBench } from "./history.ts";
import { runRoomLoadBench } from "./room-load.ts";
import { runTrace } from "./trace/replay.ts";

const log = (line: string) => console.log(line);

async function run(cmd: Command): Promise<number> {
  switch (cmd.kind) {
    case "help":
      log(USAGE);
      return 0;
    case "load":
      return runSession(cmd, log);
    case "trace":
      return runTrace(cmd);
    case "room-load":
      return runRoomLoadBench({ ...cmd, log });
    case "history":
      await runHistoryBench({ versions: cmd.versions, log });
      return 0;
    case "board":
      return runBoardBench({ ...cmd, log });
    case "amendments":
      return runAmendmentsBench({ ...cmd, log });
    case "brackets":
      return runBracketsBench({ ...cmd, log });
    case "exports":
      return runExportsBench({ ...cmd, log });
    case "page":
      return runPageBench({ ...cmd, log });
    case "idle":
      return runIdleBench({ ...cmd, log });
  }
}

function main(): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return Promise.resolve(2);
  }
  return run(cmd);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
