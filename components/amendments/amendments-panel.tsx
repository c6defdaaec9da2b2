"use client";
// The Amendments region under the text: every amendment of the proposal in text order (those
// whose passage cannot be found any more come last), filtered by status and delegation, each a
// card (amendment-card.tsx); the chair's "Accept all from <delegation>"; and the two previews
// ("all accepted", "original") that replace the marked-up text while pressed. Choosing a card
// shows its amendment in the text; clicking an amendment in the text selects its card.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { announce } from "@/components/ui/announce";
import { useViewerZone } from "@/components/ui/viewer-zone";
import { mayDecide, type Actor } from "@/lib/domain/amendments";
import type { AmendmentView } from "@/lib/protocol";
import { DRAFT_ID_PREFIX, type AmendmentDrafts, type ShownAmendment } from "@/lib/realtime/amendment-drafts";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { rangeResolver } from "@/components/editor/suggest/batch-positions";
import { amendmentMarksState } from "@/components/editor/suggest/amendment-marks";
import { AmendmentCard, cardDomId, type CardAction } from "./amendment-card";
import { PREVIEW_LABEL_KEY, type PreviewKind } from "./amendment-preview";
import { isTypedAway } from "./amendment-words";
import { inTextOrder, keepPlaces, type TextRange } from "./text-order";
import { useDelegations } from "./use-delegations";
import { InlineError } from "@/components/ui/alert";

/** A card's identity: the same before and after the server has stored the amendment. */
const cardKey = (a: Pick<ShownAmendment, "author" | "key">) => `${a.author.id}:${a.key}`;

type StatusFilter = "OPEN" | "ACCEPTED" | "REJECTED" | "ALL";
/** Each shown as `amendments.panel.filter.<value>`. */
const STATUS_FILTERS: readonly StatusFilter[] = ["OPEN", "ACCEPTED", "REJECTED", "ALL"];

type Props = {
  provider: ProposalProvider;
  editor: Editor | null;
  drafts: AmendmentDrafts;
  proposalId: string;
  shown: readonly ShownAmendment[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  preview: PreviewKind | null;
  onPreview: (kind: PreviewKind | null) => void;
};

const toggle =
  "inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:border-violet-700 aria-pressed:bg-violet-50 aria-pressed:text-violet-950";

export function AmendmentsPanel({ provider, editor, drafts, proposalId, shown, selectedId, onSelect, preview, onPreview }: Props) {
  const t = useTranslations("amendments");
  const errorText = useErrorText();
  const zone = useViewerZone();
  const [status, setStatus] = useState<StatusFilter>("ALL");
  const [delegation, setDelegation] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const delegations = useDelegations(proposalId, shown);
  const self = provider.self;
  const viewer: Actor | null = useMemo(() => (self ? { userId: self.userId, role: self.role, delegationId: self.delegation?.id ?? null } : null), [self]);
  const state = provider.state;

  // Where each open amendment is drawn now (changes with the text); decided ones once per list.
  const placed = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? (amendmentMarksState(e.state)?.placed ?? null) : null),
    equalityFn: (a, b) => a === b,
  });
  const decidedRanges = useMemo(() => {
    const map = new Map<string, TextRange | null>();
    const resolve = editor ? rangeResolver(editor.state) : null;
    if (!resolve) return map;
    for (const a of shown) if (a.status !== "OPEN") map.set(a.id, resolve(a.from, a.to));
    return map;
  }, [editor, shown]);

  const listed = useMemo(() => shown.filter((a) => !isTypedAway(a)), [shown]);
  const ordered = useMemo(
    () => inTextOrder(listed, (a) => (a.status === "OPEN" ? (placed?.get(a.id)?.range ?? null) : (decidedRanges.get(a.id) ?? null))),
    [listed, placed, decidedRanges],
  );
  // While focus is in the list, cards already listed keep their places (see keepPlaces).
  const [isFocusWithin, setFocusWithin] = useState(false);
  const lastOrder = useRef<string[]>([]);
  const textOrdered = ordered.filter((a) => (status === "ALL" || a.status === status) && (delegation === "" || a.delegation?.id === delegation));
  const byKey = new Map(textOrdered.map((a) => [cardKey(a), a]));
  const keys = isFocusWithin ? keepPlaces(lastOrder.current, [...byKey.keys()]) : [...byKey.keys()];
  const visible = keys.map((k) => byKey.get(k)!);
  useEffect(() => {
    lastOrder.current = keys;
  });
  const openCount = listed.filter((a) => a.status === "OPEN").length;

  // Delegations with amendments (the filter), and those with open stored ones (the chair's "Accept all").
  const proposers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of listed) if (a.delegation) seen.set(a.delegation.id, a.delegation.name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name));
  }, [listed]);
  const acceptable = useMemo(() => {
    if (!viewer || !state) return [];
    const out = new Map<string, string>();
    for (const a of listed) {
      if (!a.delegation || a.id.startsWith(DRAFT_ID_PREFIX)) continue;
      if (mayDecide(viewer, { authorId: a.author.id, delegationId: a.delegation.id, status: a.status }, "ACCEPT", state).ok) out.set(a.delegation.id, a.delegation.name);
    }
    return [...out].map(([id, name]) => ({ id, name })).sort((x, y) => x.name.localeCompare(y.name));
  }, [listed, viewer, state]);

  // A card chosen in the text comes into view here too.
  useEffect(() => {
    if (!selectedId) return;
    const a = shown.find((x) => x.id === selectedId);
    if (a) document.getElementById(cardDomId(a))?.scrollIntoView({ block: "nearest" });
  }, [selectedId, shown]);

  const stored = useCallback(
    (res: { ok: true; amendment?: AmendmentView | null; amendments?: AmendmentView[] }) => {
      if (res.amendment) provider.annotations.upsertAmendments([res.amendment]);
      if (res.amendments) provider.annotations.upsertAmendments(res.amendments);
    },
    [provider],
  );

  const act = useCallback(
    async (a: ShownAmendment, what: CardAction): Promise<string | null> => {
      // A reason for an amendment still on its way goes with its next put.
      if (what.kind === "reason" && drafts.setReason(a.key, what.reason)) return null;
      if (a.id.startsWith(DRAFT_ID_PREFIX)) return t("panel.notReachedServer");
      const amendmentId = a.id;
      const res =
        what.kind === "stance"
          ? await provider.request("amendment:stance", { amendmentId, stance: what.stance })
          : what.kind === "withdraw"
            ? await provider.request("amendment:withdraw", { amendmentId })
            : what.kind === "accept"
              ? await provider.request("amendment:accept", { amendmentId })
              : what.kind === "reject"
                ? await provider.request("amendment:reject", { amendmentId })
                : await provider.request("amendment:reason", { amendmentId, reason: what.reason });
      if (!res.ok) return errorText(res.error);
      stored(res);
      const said = { stance: null, reason: null, withdraw: "panel.withdrawn", accept: "panel.accepted", reject: "panel.rejected" }[what.kind];
      if (said) announce(t(said));
      return null;
    },
    [provider, drafts, stored, t, errorText],
  );

  async function acceptAll(d: { id: string; name: string }) {
    setError(null);
    const res = await provider.request("amendment:accept-all", { delegationId: d.id });
    if (!res.ok) {
      setError(t("panel.acceptAllRefused", { name: d.name, reason: errorText(res.error) }));
      return;
    }
    stored(res);
    announce(t("panel.acceptAllDone", { count: res.amendments.filter((a) => a.status === "ACCEPTED").length, name: d.name }));
  }

  return (
    <section aria-label={t("panel.label")} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm print:hidden">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 className="text-base font-semibold text-slate-900">
          {t.rich("panel.heading", { count: openCount, muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span> })}
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          {(["accepted", "original"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              aria-pressed={preview === kind}
              disabled={!editor}
              onClick={() => onPreview(preview === kind ? null : kind)}
              className={`${toggle} disabled:opacity-50`}
            >
              {t(PREVIEW_LABEL_KEY[kind])}
            </button>
          ))}
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div role="radiogroup" aria-label={t("panel.showAmendments")} className="flex flex-wrap gap-1 text-sm">
          {STATUS_FILTERS.map((f) => (
            <label
              key={f}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 has-checked:border-sky-700 has-checked:bg-sky-50 has-checked:text-sky-950 has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-sky-700"
            >
              <input type="radio" name={`${ids}-status`} value={f} checked={status === f} onChange={() => setStatus(f)} className="h-4 w-4 accent-sky-700" />
              {t(`panel.filter.${f}`)}
            </label>
          ))}
        </div>
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={`${ids}-delegation`} className="font-medium text-slate-700">
            {t("panel.delegation")}
          </label>
          <select
            id={`${ids}-delegation`}
            value={delegation}
            onChange={(e) => setDelegation(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-sky-600"
          >
            <option value="">{t("panel.allDelegations")}</option>
            {proposers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>

      {acceptable.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {acceptable.map((d) => (
            <button key={d.id} type="button" onClick={() => void acceptAll(d)} className="inline-flex min-h-9 items-center rounded-md border border-emerald-700 px-3 py-1 text-sm font-medium text-emerald-900 hover:bg-emerald-50">
              {t("panel.acceptAllFrom", { name: d.name })}
            </button>
          ))}
        </div>
      )}
      <InlineError error={error} />

      {visible.length > 0 ? (
        <ul
          className="space-y-3"
          onFocus={() => setFocusWithin(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusWithin(false);
          }}
        >
          {visible.map((a) => (
            <AmendmentCard
              key={cardKey(a)}
              amendment={a}
              viewer={viewer}
              state={state}
              delegations={delegations}
              selected={a.id === selectedId}
              zone={zone}
              onSelect={onSelect}
              act={act}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          {listed.length === 0 ? t("panel.empty") : t("panel.noMatch")}
        </p>
      )}
    </section>
  );
}
