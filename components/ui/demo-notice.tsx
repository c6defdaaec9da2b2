/**
 * Said on the sign-in page and on workshop pages while the seeded demo accounts still have the
 * password the README publishes: anyone may be signed in as them. Shown only when the server
 * found that to be so (see app/demo-notice.tsx).
 */
export function DemoNotice() {
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong className="font-semibold">This is a demonstration instance.</strong> The demo accounts&apos; password is published, so anyone can sign in
      as them and read or change what is here. Do not enter anything confidential.
    </p>
  );
}
