"use client";
// Formatting controls. One tab stop for the whole toolbar, arrow keys between buttons (the
// WAI-ARIA toolbar pattern), so keyboard users reach the text without seven extra tabs.
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
// TipTap-free (the editor's type only): the page shows this toolbar, disabled, before the editor
// and its chunk have loaded; live-toolbar.tsx binds it to a live editor.
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { KEYBOARD_HINT_ID } from "./keyboard-hint";

type Tool = {
  /** The button's name in the catalogue (editor.toolbar.*). */
  name: "bold" | "italic" | "heading" | "numberedList" | "bulletList" | "undo" | "redo";
  /** What the button shows; `t` gives the letter of a lettered glyph (B, I, H). */
  glyph: (t: (key: string) => string) => ReactNode;
  shortcut: string;
  run: (e: Editor) => void;
  /** Toggle buttons report their state with aria-pressed; actions (undo/redo) do not. */
  pressed?: (e: Editor) => boolean;
  can?: (e: Editor) => boolean;
};

/** A 24×24 stroked icon; the button's aria-label names it. */
function Icon({ d, dots = [] }: { d: string; dots?: number[] }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
      {dots.map((y) => (
        <circle key={y} cx={4.5} cy={y} r={1.4} fill="currentColor" stroke="none" />
      ))}
    </svg>
  );
}

const TOOLS: Tool[][] = [
  [
    { name: "bold", glyph: (t) => <b>{t("boldGlyph")}</b>, shortcut: "Ctrl+B", run: (e) => e.chain().focus().toggleBold().run(), pressed: (e) => e.isActive("bold") },
    { name: "italic", glyph: (t) => <i className="font-serif">{t("italicGlyph")}</i>, shortcut: "Ctrl+I", run: (e) => e.chain().focus().toggleItalic().run(), pressed: (e) => e.isActive("italic") },
  ],
  [
    // Level 3: the drafts use level 2 for the title and level 3 for their sections.
    { name: "heading", glyph: (t) => <span className="font-semibold">{t("headingGlyph")}</span>, shortcut: "Ctrl+Alt+3", run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), pressed: (e) => e.isActive("heading") },
    { name: "numberedList", glyph: () => <Icon d="M9 6h11M9 12h11M9 18h11M4 4.5h1.2V9M3.8 9h2.6M3.8 14.5c.4-.6 2.5-.8 2.5.6 0 1.1-2.5 1.9-2.5 3.4h2.6" />, shortcut: "Ctrl+Shift+7", run: (e) => e.chain().focus().toggleOrderedList().run(), pressed: (e) => e.isActive("orderedList") },
    { name: "bulletList", glyph: () => <Icon d="M9 6h11M9 12h11M9 18h11" dots={[6, 12, 18]} />, shortcut: "Ctrl+Shift+8", run: (e) => e.chain().focus().toggleBulletList().run(), pressed: (e) => e.isActive("bulletList") },
  ],
  [
    { name: "undo", glyph: () => <Icon d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />, shortcut: "Ctrl+Z", run: (e) => e.chain().focus().undo().run(), can: (e) => e.can().undo() },
    { name: "redo", glyph: () => <Icon d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />, shortcut: "Ctrl+Shift+Z", run: (e) => e.chain().focus().redo().run(), can: (e) => e.can().redo() },
  ],
];
const FLAT = TOOLS.flat();

/** Each button's state in a live editor, in toolbar order. */
export type ToolState = { pressed: boolean | undefined; can: boolean };

export function toolStates(e: Editor): ToolState[] {
  return FLAT.map((t) => ({ pressed: t.pressed ? t.pressed(e) : undefined, can: t.can ? t.can(e) : true }));
}

export function EditorToolbar({ editor, canEdit, state = null }: { editor: Editor | null; canEdit: boolean; state?: readonly ToolState[] | null }) {
  const t = useTranslations("editor.toolbar");
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const enabled = FLAT.map((_, i) => Boolean(editor && canEdit && state?.[i]?.can));
  // The one tab stop must be a button that can take focus (Undo may have just been disabled).
  const first = enabled.indexOf(true);
  const tabStop = enabled[active] ? active : first;

  /** The next enabled button from `from` in direction `dir`, wrapping around. */
  function next(from: number, dir: 1 | -1): number {
    let i = from;
    for (let n = 0; n < FLAT.length; n++) {
      i = (i + dir + FLAT.length) % FLAT.length;
      if (enabled[i]) return i;
    }
    return from;
  }

  function onKeyDown(ev: KeyboardEvent<HTMLDivElement>) {
    const target =
      ev.key === "ArrowRight" ? next(tabStop, 1)
      : ev.key === "ArrowLeft" ? next(tabStop, -1)
      : ev.key === "Home" ? next(FLAT.length - 1, 1)
      : ev.key === "End" ? next(0, -1)
      : null;
    if (target === null || tabStop < 0) return;
    ev.preventDefault();
    setActive(target);
    buttons.current[target]?.focus();
  }

  let index = 0;
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      aria-disabled={!canEdit || undefined}
      // The hint under the toolbar: Escape leaves the text, Tab indents inside lists.
      aria-describedby={canEdit ? KEYBOARD_HINT_ID : undefined}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur"
    >
      {TOOLS.map((group, g) => (
        <div key={g} className="flex items-center gap-0.5 border-slate-200 [&:not(:first-child)]:border-l [&:not(:first-child)]:pl-1">
          {group.map((tool) => {
            const i = index++;
            const s = state?.[i];
            const name = t(tool.name);
            return (
              <button
                key={tool.name}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                aria-label={name}
                title={t("tooltip", { name, shortcut: tool.shortcut })}
                aria-pressed={tool.pressed ? Boolean(s?.pressed) : undefined}
                aria-keyshortcuts={tool.shortcut.replace("Ctrl", "Control")}
                tabIndex={i === tabStop ? 0 : -1}
                disabled={!enabled[i]}
                onFocus={() => setActive(i)}
                onClick={() => editor && tool.run(editor)}
                className="inline-flex h-9 min-w-9 items-center justify-center rounded-md px-2 text-base text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent enabled:aria-pressed:bg-sky-100 enabled:aria-pressed:text-sky-900"
              >
                {tool.glyph(t)}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
