"use client";
// The editor's amendment state in React: the list shown (server + my drafts), the editing mode,
// whether my typing proposes amendments now, the "Suggest" toggle, the polite notice under the
// toolbar, refused drafts, the selected amendment and the preview. Also builds the SuggestHost
// the editor's extensions read — once per provider, reading live values, so a switch of mode
// takes effect on the very next keystroke, before React has rendered it.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Editor } from "@tiptap/react";
import { mayEditDirectly } from "@/lib/domain/amendments";
import type { AmendmentDrafts } from "@/lib/realtime/amendment-drafts";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { scrollToAmendment, selectAmendment } from "@/components/editor/suggest/amendment-marks";
import type { SuggestHost } from "@/components/editor/suggest/suggest-host";
import { amendmentSource } from "./amendment-source";
import type { PreviewKind } from "./amendment-preview";

/** How long a polite notice ("An amendment stays within one paragraph…") stays. */
const NOTICE_MS = 8000;

/** Whether this member's typing proposes amendments now (read live by the editor on every keystroke). */
export function isSuggestingNow(provider: Pick<ProposalProvider, "self" | "edit" | "annotations">, suggestPressed: boolean): boolean {
  const self = provider.self;
  if (!self || self.role === "OBSERVER" || !provider.edit.canEdit) return false;
  return !mayEditDirectly(self.role, provider.annotations.snapshot().mode) || suggestPressed;
}

export function useAmendments(provider: ProposalProvider, drafts: AmendmentDrafts) {
  const source = useMemo(() => amendmentSource(provider.annotations, drafts, () => provider.self), [provider, drafts]);
  const shown = useSyncExternalStore(source.subscribe, source.get, source.get);
  const { mode } = useSyncExternalStore(provider.annotations.subscribe, provider.annotations.snapshot, provider.annotations.snapshot);
  const { refusals } = useSyncExternalStore(drafts.subscribe, drafts.snapshot, drafts.snapshot);

  const [suggestPressed, setSuggestPressed] = useState(false);
  const pressed = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewKind | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const say = useCallback((text: string) => {
    setNotice(text);
    if (noticeTimer.current) clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);
  useEffect(() => () => void (noticeTimer.current && clearTimeout(noticeTimer.current)), []);

  const host: SuggestHost = useMemo(
    () => ({
      isSuggesting: () => isSuggestingNow(provider, pressed.current),
      amendments: source.get,
      subscribe: source.subscribe,
      selfId: () => provider.self?.userId ?? null,
      put: (d) => drafts.put({ ...d, createdAt: new Date().toISOString() }),
      notice: say,
      // Clicked in the text: its card is selected (the text does not scroll: it is in view).
      select: (id) => {
        setSelectedId(id);
        const editor = editorRef.current;
        if (editor) selectAmendment(editor.view, id);
      },
    }),
    [provider, source, drafts, say],
  );

  /** Chosen in the region: the text shows it (the previews give way to the marked text). */
  const showInText = useCallback((id: string) => {
    setSelectedId(id);
    setPreview(null);
    const editor = editorRef.current;
    if (!editor) return;
    selectAmendment(editor.view, id);
    // After the preview (if any) has given way to the text.
    requestAnimationFrame(() => scrollToAmendment(editor, id));
  }, []);

  const toggleSuggest = useCallback(() => {
    pressed.current = !pressed.current;
    setSuggestPressed(pressed.current);
  }, []);

  const attach = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  const self = provider.self;
  const suggesting = isSuggestingNow(provider, suggestPressed);
  /** "Suggest" is offered to whoever may type into the agreed text in this mode. */
  const maySuggestByChoice = Boolean(self && self.role !== "OBSERVER" && provider.edit.canEdit && mayEditDirectly(self.role, mode));

  return {
    host,
    shown,
    mode,
    suggesting,
    suggestPressed,
    maySuggestByChoice,
    toggleSuggest,
    notice,
    refusals,
    dismissRefusal: (key: string) => drafts.dismissRefusal(key),
    selectedId,
    showInText,
    preview,
    setPreview,
    attach,
  };
}
