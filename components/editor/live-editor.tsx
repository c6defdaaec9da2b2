"use client";
// Live co-drafting of one proposal: the editor, its save status and who else is in the text.
// Until the tab's copy of the document has synced, the server-rendered text stands in, so a
// projector never shows an empty box.
import { useState, type ReactNode } from "react";
import { PresenceBar } from "@/components/presence/presence-bar";
import { useProposalProvider } from "@/lib/realtime/use-proposal-provider";
import { useSocket } from "@/lib/realtime/use-socket";
import { CollaborativeEditor, ReadOnlyNote } from "./collaborative-editor";
import { EditorToolbar } from "./editor-toolbar";
import { ProposalCard } from "./proposal-card";
import { SaveStatus } from "./save-status";
import { AuthorshipView } from "./authorship-view";
import { AccessNotice, useRefreshOnSeatChange } from "@/components/notifications/access-notice";

export function LiveEditor({ proposalId, fallback }: { proposalId: string; fallback: ReactNode }) {
  const socket = useSocket();
  const { provider, generation, hasSynced, refusal, dismissRefusal } = useProposalProvider(socket, proposalId);
  // Joined but may not edit (observer, locked…), or could not join at all: say why.
  const blocked = provider && !provider.edit.canEdit && (provider.self || provider.lastError) ? provider.edit.reason : null;
  const [showAuthorship, setShowAuthorship] = useState(false);
  useRefreshOnSeatChange(provider?.seatChanges ?? 0);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <aside
        aria-label="Drafting status"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:flex-row sm:items-start sm:gap-8 lg:sticky lg:top-4 lg:order-2 lg:flex-col lg:items-stretch lg:gap-4 lg:self-start lg:py-4"
      >
        <SaveStatus status={provider?.status ?? "connecting"} />
        <PresenceBar awareness={provider?.awareness ?? null} self={provider?.self ?? null} />
        <button
          type="button"
          aria-pressed={showAuthorship}
          disabled={!provider || !hasSynced}
          onClick={() => setShowAuthorship((v) => !v)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 aria-pressed:border-sky-600 aria-pressed:bg-sky-50 aria-pressed:text-sky-900"
        >
          Show authorship
        </button>
      </aside>
      <div className="min-w-0 space-y-3 lg:order-1">
        {provider && <AccessNotice access={provider.access} />}
        {refusal && (
          <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <p>
              Your last change was not accepted: {refusal.message.replace(/\.?$/, ".")} The text has been reloaded from the
              server.
            </p>
            <button type="button" onClick={dismissRefusal} className="shrink-0 rounded px-2 font-medium underline hover:bg-amber-100">
              Dismiss
            </button>
          </div>
        )}
        {provider && hasSynced && showAuthorship ? (
          <AuthorshipView proposalId={proposalId} doc={provider.doc} />
        ) : provider && hasSynced ? (
          <CollaborativeEditor key={generation} provider={provider} fallback={fallback} />
        ) : (
          // Same frame as the editor (disabled toolbar, same card) so nothing jumps when it arrives.
          <div className="space-y-3">
            <div className="sticky top-2 z-10">
              <EditorToolbar editor={null} canEdit={false} />
            </div>
            {blocked && <ReadOnlyNote reason={blocked} />}
            <ProposalCard>{fallback}</ProposalCard>
          </div>
        )}
      </div>
    </div>
  );
}
