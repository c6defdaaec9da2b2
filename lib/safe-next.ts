// Where to send someone after signing in (?next=): only a path on this site. The value is parsed
// as a URL — the way the browser will read it — against a placeholder origin, never matched
// against patterns: "/\evil.example", "/<tab>/evil.example", "//evil.example" and the like are
// other origins to a browser, and are refused because the parse says so.
export const DEFAULT_NEXT = "/workshops";

const PLACEHOLDER_ORIGIN = "https://accord.invalid";
/** "/" then "/" or "\": a browser reads the rest as a host (a protocol-relative URL). */
const HOST_AFTER_SLASH = /^\/[/\\]/;
/** Control characters: the URL parser drops tabs and newlines, so "/\t/x" is "//x". */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `next` when it is a path on this site (as pathname + search + hash), else "/workshops". */
export function safeNext(next: string | null | undefined): string {
  if (typeof next !== "string" || !next.startsWith("/") || HOST_AFTER_SLASH.test(next) || CONTROL.test(next)) return DEFAULT_NEXT;
  // Encoded forms ("/%5Cevil.example", "/%2F%2Fevil.example") must not turn into one when a
  // server or a later redirect decodes them.
  if (decodedForms(next).some((d) => HOST_AFTER_SLASH.test(d) || CONTROL.test(d.split(/[?#]/)[0]!))) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return DEFAULT_NEXT;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can make one: "/.//evil.example" parses to the pathname "//evil.example".
  return HOST_AFTER_SLASH.test(path) ? DEFAULT_NEXT : path;
}

/** The value percent-decoded once, twice, … while that changes it (a few times at most). */
function decodedForms(value: string): string[] {
  const out: string[] = [];
  let current = value;
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      break;
    }
    if (decoded === current) break;
    out.push(decoded);
    current = decoded;
  }
  return out;
}
