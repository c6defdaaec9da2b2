// "Version 7 — Rev.1": the number always, the label when the chair gave one. Used in links,
// headings and select options so a version reads the same everywhere.
export function versionTitle(v: { number: number; label: string | null }): string {
  return v.label ? `Version ${v.number} — ${v.label}` : `Version ${v.number}`;
}
