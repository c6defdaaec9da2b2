"use client";
// "Show authorship": the live text, read-only, each stretch tinted in the colour of the
// delegation whose member typed it. Computed in the tab from its own copy of the document
// (each character's Yjs client id) and the server's ledger of which client is whose.
import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { textWithClients, type ClientRun } from "@/lib/document/authorship";

type Delegation = { id: string; name: string; code: string; colour: string };
type Authors = { clients: Array<{ clientId: number; delegationId: string | null }>; delegations: Delegation[] };

function useDocText(doc: Y.Doc) {
  const [snapshot, setSnapshot] = useState(() => textWithClients(doc));
  useEffect(() => {
    const update = () => setSnapshot(textWithClients(doc));
    doc.on("update", update);
    return () => doc.off("update", update);
  }, [doc]);
  return snapshot;
}

/** Splits client runs into lines, keeping each piece's client. */
function toLines(text: string, runs: ClientRun[]): Array<Array<{ text: string; client: number | null }>> {
  const lines: Array<Array<{ text: string; client: number | null }>> = [[]];
  let pos = 0;
  for (const run of runs) {
    const parts = text.slice(pos, pos + run.length).split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ text: part, client: run.client });
    });
    pos += run.length;
  }
  return lines;
}

export function AuthorshipView({ proposalId, doc }: { proposalId: string; doc: Y.Doc }) {
  const t = useTranslations("editor.authorship");
  const { text, runs } = useDocText(doc);
  const [authors, setAuthors] = useState<Authors | null>(null);
  const [error, setError] = useState(false);
  const clientsInText = useMemo(() => new Set(runs.map((r) => r.client).filter((c): c is number => c !== null)), [runs]);
  const known = useMemo(() => new Map(authors?.clients.map((c) => [c.clientId, c.delegationId]) ?? []), [authors]);
  const hasUnknown = [...clientsInText].some((c) => !known.has(c));

  // Fetch the ledger at first, and again when someone new has written.
  useEffect(() => {
    if (authors && !hasUnknown) return;
    let isCurrent = true;
    fetch(`/api/proposals/${proposalId}/authors`)
      .then((r) => (r.ok ? (r.json() as Promise<Authors>) : Promise.reject(new Error(String(r.status)))))
      .then((a) => isCurrent && setAuthors(a))
      .catch(() => isCurrent && setError(true));
    return () => {
      isCurrent = false;
    };
    // Re-run only when the set of unknown writers changes, not on every keystroke.
  }, [proposalId, hasUnknown, authors]);

  const delegations = new Map(authors?.delegations.map((d) => [d.id, d]) ?? []);
  const delegationOf = (client: number | null) => (client === null ? undefined : delegations.get(known.get(client) ?? ""));
  const present = authors?.delegations.filter((d) => [...clientsInText].some((c) => known.get(c) === d.id)) ?? [];

  return (
    <div className="space-y-3">
      <div aria-label={t("legend")} className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        {present.map((d) => (
          <span key={d.id} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-5 rounded-sm" style={{ backgroundColor: `${d.colour}33`, borderBottom: `2px solid ${d.colour}` }} />
            {d.name}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5 text-slate-500">
          <span aria-hidden className="inline-block h-3 w-5 rounded-sm border border-slate-300 bg-white" />
          {t("startingDraft")}
        </span>
        {error && <span role="alert">{t("loadFailed")}</span>}
      </div>
      <article aria-label={t("textByAuthor")} className="proposal-text rounded-lg border border-slate-200 bg-white px-5 py-6 shadow-sm sm:px-10 sm:py-8">
        <div className="mx-auto max-w-[72ch] whitespace-pre-wrap">
          {toLines(text, runs).map((line, i) => (
            <p key={i}>
              {line.map((piece, j) => {
                const d = delegationOf(piece.client);
                return d ? (
                  <span key={j} title={t("writtenBy", { name: d.name })} style={{ backgroundColor: `${d.colour}26`, borderBottom: `2px solid ${d.colour}` }}>
                    {piece.text}
                    <span className="sr-only">{" "}{t("writtenByNote", { name: d.name })}</span>
                  </span>
                ) : (
                  <span key={j}>{piece.text}</span>
                );
              })}
            </p>
          ))}
        </div>
      </article>
    </div>
  );
}
