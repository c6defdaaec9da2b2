import { useTranslations } from "next-intl";

/**
 * Said on the sign-in page and on workshop pages while the seeded demo accounts still have the
 * password the README publishes: anyone may be signed in as them. Shown only when the server
 * found that to be so (see app/demo-notice.tsx).
 */
export function DemoNotice() {
  const t = useTranslations("ui");
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {t.rich("demoNotice", { strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })}
    </p>
  );
}
