// "Version 7 — Rev.1": the number always, the label when the chair gave one. Used in links,
// headings and select options so a version reads the same everywhere. A vote's version is
// titled by its round and question ("Version 9 · Round 2 — Does the workshop adopt this
// text?"): every vote version's label starts "Put to the vote", which tells two rounds apart
// only at the very end of a long line.
import { roundTitle } from "@/lib/domain/vote-outcome";

export type TitledVersion = { number: number; label: string | null; round?: { number: number; question: string } | null };

export function versionTitle(v: TitledVersion): string {
  if (v.round) return `Version ${v.number} · ${roundTitle(v.round)}`;
  return v.label ? `Version ${v.number} — ${v.label}` : `Version ${v.number}`;
}
