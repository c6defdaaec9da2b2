// Everything the drafting workflow adds inside one proposal's editor
// (components/editor/editor-extensions.ts): brackets, the margin and the reading drawn in the
// text (drafting-marks.ts), and agreed paragraphs kept as agreed (agreed-guard.ts).
import type { AnyExtension } from "@tiptap/core";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { AgreedGuard } from "./agreed-guard";
import { DraftingMarks } from "./drafting-marks";
import { isFollowingChair } from "./reading-scroll";

/** `notice`: the polite word under the toolbar (the suggest host's). */
export function draftingExtensions(provider: ProposalProvider, notice?: (message: string) => void): AnyExtension[] {
  return [
    DraftingMarks.configure({
      drafting: provider.drafting,
      // The chair's tab always follows its own reading; others when they follow the chair.
      followsReading: () => provider.self?.role === "MODERATOR" || isFollowingChair(),
    }),
    AgreedGuard.configure({ notice: notice ?? (() => {}) }),
  ];
}
