// A room full of delegates' tabs against one server process, and how busy the rest of the
// machine was meanwhile: what the amendments and brackets benchmarks' phases (opens, accepts,
// status changes, typing as amendments) measure around.
import type { ProposalProvider, ProviderSocket } from "../lib/realtime/proposal-provider.ts";
import { openProvider, type Endpoint } from "./accord-client.ts";
import { delegateFor } from "./fixture.ts";
import { hostReport, sampleHost } from "./host.ts";
import type { ServerHandle } from "./server-control.ts";

/** Opening many handshakes at once only measures the JWT decryption queue; a few at a time. */
const CONNECT_CONCURRENCY = 16;

export const endpointOf = (server: ServerHandle): Endpoint => ({ url: server.url, secret: server.secret });

export type Tab = { slot: number; socket: ProviderSocket; provider: ProposalProvider };

/** The room's tabs, as P2's: one delegate per slot, a few handshakes at a time, each synced. */
export async function openTabs(server: ServerHandle, proposalId: string, count: number): Promise<Tab[]> {
  const tabs: Tab[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const slot = next++;
      const { socket, provider } = await openProvider(endpointOf(server), delegateFor(server.fixture, 0, slot), proposalId);
      tabs.push({ slot, socket, provider });
    }
  };
  try {
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  } catch (e) {
    closeTabs(tabs);
    throw e;
  }
  return tabs.sort((a, b) => a.slot - b.slot);
}

/** Also the chair's tab (no slot). */
export function closeTabs(tabs: Array<Pick<Tab, "socket" | "provider">>): void {
  for (const t of tabs) {
    t.provider.destroy();
    t.socket.disconnect();
  }
}

export type PhaseHost = { other_cpu_pct: number | null; noisy: boolean };

/** How busy the rest of the machine was during a phase (as the load runs' "host" line): opens, accepts and status changes are short, so their tails show it first. */
export async function watchHost(server: ServerHandle): Promise<() => Promise<PhaseHost>> {
  const [s0, g0, h0] = [await server.usage(), process.cpuUsage(), sampleHost()];
  const w0 = performance.now();
  return async () => {
    const [s1, g1, h1] = [await server.usage(), process.cpuUsage(g0), sampleHost()];
    const ms = performance.now() - w0;
    const own = (100 * (s1.cpuUs - s0.cpuUs)) / ((s1.atMs - s0.atMs) * 1000) + (100 * (g1.user + g1.system)) / (ms * 1000);
    const h = hostReport(h0, h1, own);
    return { other_cpu_pct: h.other_cpu_pct, noisy: h.noisy };
  };
}
