// A chunk loaded after the page (the editor, the authorship view). On a venue's patchy Wi-Fi a
// chunk can fail to arrive: it is asked for again, 1, 2, 4… up to 15 s apart, for as long as the
// page is open, instead of failing it (React.lazy keeps a failed load for good). Meanwhile the
// page shows what it shows while waiting: the text, read-only.
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

export function retryingImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= (async () => {
      for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, MAX_RETRY_MS)) {
        try {
          return await load();
        } catch {
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    })());
}
