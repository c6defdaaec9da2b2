// What the editor's suggesting machinery needs from the page: whether typing proposes
// amendments now, the amendments to draw and extend (the server's, with this tab's drafts laid
// over them), and where a new or revised amendment goes. Framework-free; built once per editor
// (components/editor/collaborative-editor.tsx) and read by the two extensions.
import type { Draft, ShownAmendment } from "@/lib/realtime/amendment-drafts";

export type SuggestHost = {
  /** True while this member's typing proposes amendments ("Amendments only", or "Suggest" pressed). */
  isSuggesting(): boolean;
  /** The amendments as shown: open and decided, mine with their pending drafts. */
  amendments(): readonly ShownAmendment[];
  /** Called whenever `amendments()` may have changed. */
  subscribe(fn: () => void): () => void;
  /** Whose amendments typing extends (the signed-in member), null before joining. */
  selfId(): string | null;
  /** A new or revised amendment of mine (shown at once, sent soon). */
  put(draft: Omit<Draft, "createdAt">): void;
  /** A polite word under the toolbar (typing across paragraphs, Cut while suggesting…). */
  notice(message: string): void;
  /** An amendment clicked in the text: the Amendments region selects its card. */
  select?(id: string): void;
};

/** A new amendment's key: random, URL-safe, 32 characters (works outside secure contexts too). */
export function newAmendmentKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
