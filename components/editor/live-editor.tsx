"use client";
// Live co-drafting of one proposal: the editor, its save status and who else is in the text.
// Until the tab's copy of the document has synced, the server-rendered text stands in, so a
// projector never shows an empty box.
// DOM order is the visual order (text first, then the side panel), so Tab follows what the eye
// reads; the save status sits in the sticky bar beside the toolbar, in view while typing.
import { Suspense, lazy, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import * as Y from "yjs";
import { useLocale, useTranslations } from "next-intl";
import { PresenceBar } from "@/components/presence/presence-bar";
import type { Role } from "@/lib/domain/vocabulary";
import { useProposalProvider } from "@/lib/realtime/use-proposal-provider";
import { useSocket } from "@/lib/realtime/use-socket";
import { ReadOnlyNote } from "./read-only-note";
import { retryingImport } from "./retrying-import";
import { EditorToolbar } from "./editor-toolbar";
import { ProposalCard } from "./proposal-card";
import { SaveStatus } from "./save-status";
import { AccessNotice, useRefreshOnSeatChange } from "@/components/notifications/access-notice";
import { DraftingNotices } from "./drafting-notices";
import { TextViewToggle } from "@/components/drafting/editor/text-view-toggle";
import { AmendmentDrafts } from "@/lib/realtime/amendment-drafts";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { insertedText } from "@/components/amendments/refused-text";
import { quoted } from "@/components/amendments/amendment-words";
import { useErrorText } from "@/components/i18n/use-error-text";

// The editor (TipTap, ProseMirror, the panels: most of the page's JavaScript) is its own chunk.
// The page hydrates without it, so the connection to the room starts sooner; the chunk is
// fetched as soon as this module is evaluated in the browser (before hydration), while the page
// hydrates and the room is joined and synced.
const loadEditor = retryingImport(() => import("./collaborative-editor"));
if (typeof window !== "undefined") void loadEditor();
const CollaborativeEditor = lazy(() => loadEditor().then((m) => ({ default: m.CollaborativeEditor })));
// Who wrote what: asked for by a button, and built on TipTap's schema too.
const loadAuthorship = retryingImport(() => import("./authorship-view"));
const AuthorshipView = lazy(() => loadAuthorship().then((m) => ({ default: m.AuthorshipView })));

type Props = {
  proposalId: string;
  /** The proposal's workshop: its live board carries the lock countdown and restores. */
  workshopId?: string;
  fallback: ReactNode;
  /** The viewer's role as the page knew it, until the live connection says (observers get no editing chrome). */
  viewerRole?: Role;
};

/** A sentence ends with a full stop before the next one starts (CJK full stops and brackets count in other languages). */
function asSentence(text: string, locale: string): string {
  if (locale === "en") return text.replace(/\.?$/, ".");
  return /[.。．!?！？)）]$/.test(text) ? text : `${text}${/[\u3000-\u9fff\uac00-\ud7af]$/.test(text) ? "。" : "."}`;
}

export function LiveEditor({ proposalId, workshopId, fallback, viewerRole }: Props) {
  const t = useTranslations("editor.liveEditor");
  const locale = useLocale();
  const errorText = useErrorText();
  const socket = useSocket();
  const { provider, generation, hasSynced, refusal, dropped, dismissRefusal } = useProposalProvider(socket, proposalId);
  // Joined but may not edit (observer, locked…), or could not join at all: say why.
  const blocked = provider && !provider.edit.canEdit && (provider.self || provider.lastError) ? provider.edit.reason : null;
  const [showAuthorship, setShowAuthorship] = useState(false);
  const drafts = useAmendmentDrafts(provider, t("notConnected"));
  // What the refused changes (and those dropped with them when the editor reloaded) had typed.
  const refusedText = useMemo(() => (dropped.length > 0 ? insertedText(Y.mergeUpdates([...dropped])) : ""), [dropped]);
  useRefreshOnSeatChange(provider?.seatChanges ?? 0);
  // Observers never edit: no toolbar and no save status (there is nothing of theirs to save).
  const isObserver = (provider?.self?.role ?? viewerRole) === "OBSERVER";
  const status = isObserver ? null : (
    <div className="rounded-lg bg-white/95 px-2 py-1 backdrop-blur">
      <SaveStatus status={provider?.status ?? "connecting"} />
    </div>
  );
  // Same frame as the editor (disabled toolbar, same card) so nothing jumps when it arrives.
  const waiting = (
    <div className="space-y-3">
      {!isObserver && (
        <div className="sticky top-2 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
          <EditorToolbar editor={null} canEdit={false} />
          <TextViewToggle view="bracketed" disabled />
          {status}
        </div>
      )}
      {blocked && (
        <div className="print:hidden">
          <ReadOnlyNote reason={blocked} error={provider?.lastError} />
        </div>
      )}
      <ProposalCard>{fallback}</ProposalCard>
    </div>
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <div className="min-w-0 space-y-3 print:col-span-full">
        {provider && <AccessNotice access={provider.access} />}
        {workshopId && <DraftingNotices workshopId={workshopId} proposalId={proposalId} />}
        {refusal && (
          <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">
            <p>
              {t("refused", { reason: asSentence(errorText(refusal), locale) })}
              {refusedText && (
                <>
                  {" "}
                  {t.rich("typed", { text: quoted(refusedText, 2000).slice(1, -1), q: (chunks) => <q className="font-medium">{chunks}</q> })}
                  {refusal.code === "AMENDMENTS_ONLY" && (
                    <>
                      {" "}
                      {t("typeAgain")}
                    </>
                  )}
                </>
              )}
            </p>
            <button
              type="button"
              onClick={dismissRefusal}
              className="shrink-0 rounded px-2 font-medium underline hover:bg-amber-100"
            >
              {t("dismiss")}
            </button>
          </div>
        )}
        {provider && hasSynced && showAuthorship ? (
          <Suspense fallback={waiting}>
            <AuthorshipView proposalId={proposalId} doc={provider.doc} />
          </Suspense>
        ) : provider && hasSynced ? (
          <Suspense fallback={waiting}>
            <CollaborativeEditor key={generation} provider={provider} fallback={fallback} isObserver={isObserver} status={status} drafts={drafts} proposalId={proposalId} />
          </Suspense>
        ) : (
          waiting
        )}
      </div>
      <aside
        aria-label={t("draftingStatus")}
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:flex-row sm:items-start sm:gap-8 lg:sticky lg:top-4 lg:flex-col lg:items-stretch lg:gap-4 lg:self-start lg:py-4 print:hidden"
      >
        <PresenceBar awareness={provider?.awareness ?? null} self={provider?.self ?? null} />
        <button
          type="button"
          aria-pressed={showAuthorship}
          disabled={!provider || !hasSynced}
          onClick={() => setShowAuthorship((v) => !v)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900"
        >
          {t("showAuthorship")}
        </button>
      </aside>
    </div>
  );
}

/**
 * My amendments on their way to the server, kept for the page's life (the editor and its
 * provider are replaced after a refused change; what I proposed is not). Sent through the
 * current provider; kept while offline and sent again once its room is joined and synced.
 */
function useAmendmentDrafts(provider: ProposalProvider | null, notConnected: string): AmendmentDrafts {
  const current = useRef<ProposalProvider | null>(provider);
  // The refusal's words in the reader's current language (the drafts outlive a language change).
  const notConnectedText = useRef(notConnected);
  useEffect(() => {
    notConnectedText.current = notConnected;
  }, [notConnected]);
  const [drafts] = useState(
    () =>
      new AmendmentDrafts({
        send: (d) => {
          const p = current.current;
          if (!p) return Promise.resolve({ ok: false, error: { code: "UNAVAILABLE", message: notConnectedText.current } });
          return p.request("amendment:put", { key: d.key, from: d.from, to: d.to, insert: d.insert, ...(d.reason !== undefined ? { reason: d.reason } : {}) }).then((res) => {
            if (res.ok && res.amendment) p.annotations.upsertAmendments([res.amendment]);
            return res;
          });
        },
        isOnline: () => Boolean(current.current?.synced),
      }),
  );
  useEffect(() => {
    current.current = provider;
    if (!provider) return;
    if (provider.synced) drafts.online();
    const off = provider.on("synced", () => drafts.online());
    return () => {
      off();
      drafts.stop();
    };
  }, [provider, drafts]);
  return drafts;
}
