// Timing socket handlers from inside the server process, for the amendments and brackets
// benchmarks' hooks (bench/amendments/server-hooks.ts, bench/brackets/server-hooks.ts): from
// socket.io's dispatch of the packet (after the socket's rate-limit middleware) until the
// handler's acknowledgement has been encoded and written — so an event is measured as server
// time, not as the generator's round trip. Benchmark code only: the timing middleware is
// installed on sockets that connect after start(), never otherwise.
import type { Socket } from "socket.io";
import type { AccordServer } from "../server/app-server.ts";
import type { HandlerTime, TimingOp, TimingReply } from "./shared-protocol.ts";

/** Counts the server's Prisma statements (bench/server-process.ts, countSql). */
export type StatementCounter = { statements(): number; reset(): void };

export function handlerTiming(server: AccordServer, events: readonly string[], sql: StatementCounter | null) {
  const timed: ReadonlySet<string> = new Set(events);
  let times: HandlerTime[] = [];
  let isTiming = false;

  function timeHandlers(socket: Socket): void {
    socket.use((packet, next) => {
      const event = packet[0];
      const last = packet.length - 1;
      const ack: unknown = packet[last];
      if (typeof event === "string" && timed.has(event) && last >= 1 && typeof ack === "function") {
        const start = performance.now();
        const payload = packet[1] as { proposalId?: unknown } | undefined;
        const proposalId = typeof payload?.proposalId === "string" ? payload.proposalId : null;
        packet[last] = (res: { ok?: boolean }) => {
          try {
            (ack as (r: unknown) => void)(res);
          } finally {
            times.push({ event, proposalId, ms: performance.now() - start, ok: res?.ok === true });
          }
        };
      }
      next();
    });
  }

  return {
    /** Times the handlers on every socket that connects from now on (once; later calls do nothing). */
    start(): void {
      if (isTiming) return;
      server.io.on("connection", timeHandlers);
      isTiming = true;
    },
    handle(req: TimingOp): TimingReply {
      switch (req.op) {
        case "handler-times": {
          const out = times;
          times = [];
          return { times: out };
        }
        case "sql-statements": {
          if (!sql) return { statements: null };
          const n = sql.statements();
          sql.reset();
          return { statements: n };
        }
      }
    },
  };
}
