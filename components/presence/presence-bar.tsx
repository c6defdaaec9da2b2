"use client";
// Who is in this text right now, from the awareness states the server stamped, and how many of
// each delegation — the chair glances at this to see whether a delegation has drifted away.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { Awareness } from "y-protocols/awareness";
import type { Participant } from "@/lib/protocol";
import { awarenessUser, readAwarenessUser, type AwarenessUser } from "@/lib/realtime/awareness-user";
import { affiliationTag } from "@/components/editor/participant-user";

type Person = AwarenessUser & { isSelf: boolean };
type DelegationCount = { name: string; code: string; color: string; count: number };

/** One entry per person however many tabs they have open; me first, then by delegation and name. */
function peopleOf(awareness: Awareness, self: Participant | null): Person[] {
  const byUser = new Map<string, Person>();
  if (self) byUser.set(self.userId, { ...awarenessUser(self), isSelf: true });
  for (const state of awareness.getStates().values()) {
    const u = readAwarenessUser(state);
    if (u && !byUser.has(u.userId)) byUser.set(u.userId, { ...u, isSelf: false });
  }
  const rank = (p: Person) => (p.isSelf ? "0" : `1${p.delegation?.name ?? "~"}\u0000${p.name}`);
  return [...byUser.values()].sort((a, b) => rank(a).localeCompare(rank(b)));
}

function countsOf(people: Person[]): DelegationCount[] {
  const counts = new Map<string, DelegationCount>();
  for (const p of people) {
    if (!p.delegation) continue;
    const c = counts.get(p.delegation.code) ?? { ...p.delegation, color: p.color, count: 0 };
    c.count++;
    counts.set(p.delegation.code, c);
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Re-reads the states on awareness "change" (joins, leaves, edits of a state), not on every heartbeat. */
function usePeople(awareness: Awareness | null, self: Participant | null): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (!awareness) {
      setPeople(self ? [{ ...awarenessUser(self), isSelf: true }] : []);
      return;
    }
    const read = () => {
      const next = peopleOf(awareness, self);
      // Carets move on every keystroke; only a different set of people needs a render.
      setPeople((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    read();
    awareness.on("change", read);
    return () => awareness.off("change", read);
  }, [awareness, self]);
  return people;
}

export function PresenceBar({ awareness, self }: { awareness: Awareness | null; self: Participant | null }) {
  const t = useTranslations("presence.bar");
  const people = usePeople(awareness, self);
  const counts = countsOf(people);
  return (
    <section aria-labelledby="presence-heading" className="min-w-0 flex-1 space-y-2 lg:space-y-3">
      <h2 id="presence-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        {t.rich("heading", { count: people.length, muted: (chunks) => <span className="font-normal normal-case tracking-normal">{chunks}</span> })}
      </h2>
      {counts.length > 0 && (
        <ul aria-label={t("delegations")} className="flex flex-wrap gap-1.5">
          {counts.map((c) => (
            <li
              key={c.code}
              className="inline-flex items-center gap-1.5 rounded-full border bg-white px-2.5 py-0.5 text-sm font-medium"
              style={{ borderColor: c.color, color: c.color }}
            >
              <span>{c.name}</span> <span className="tabular-nums font-semibold">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
      <ul aria-label={t("people")} className="flex flex-wrap gap-x-5 gap-y-1.5 lg:flex-col lg:flex-nowrap">
        {people.map((p) => (
          <li key={p.userId} className="flex min-w-0 items-center gap-2 text-sm">
            <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: p.color }} />
            <span className="truncate text-slate-900" title={p.name}>
              {p.name}
              {p.isSelf && <span className="text-slate-500">{" "}{t("you")}</span>}
            </span>
            <span className="shrink-0 text-xs font-semibold lg:ml-auto" style={{ color: p.delegation ? p.color : "#475569" }}>
              {affiliationTag(p, (role) => t(`role.${role}`))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
