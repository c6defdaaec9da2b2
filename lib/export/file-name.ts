// File names for downloads: descriptive (`<workshop>-<proposal>-v<N>.docx`), safe on every
// system (no path separators, reserved or control characters, bounded length), with titles in
// any script kept as they are in the UTF-8 name and an ASCII fallback for old clients.

const MAX_PART = 60;

/** One part of a name: letters and digits of any script kept, everything else a single hyphen. */
export function slugPart(text: string): string {
  const slug = text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
  return [...slug].slice(0, MAX_PART).join("").replace(/-+$/, "");
}

/** ASCII only (accents dropped, other scripts left out), for the plain `filename=` parameter. */
function asciiPart(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, MAX_PART)
    .replace(/-+$/, "");
}

export type FileName = { name: string; ascii: string };

/** `parts` joined by hyphens, empty parts skipped, then the extension (without its dot). */
export function exportFileName(parts: readonly string[], extension: string): FileName {
  const join = (slugs: string[]) => slugs.filter((s) => s !== "").join("-") || "accord";
  return { name: `${join(parts.map(slugPart))}.${extension}`, ascii: `${join(parts.map(asciiPart))}.${extension}` };
}

/** The Content-Disposition header of a download: both names, the UTF-8 one percent-encoded (RFC 6266). */
export function contentDisposition(file: FileName): string {
  return `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
