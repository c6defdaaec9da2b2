import { LocalTime } from "@/components/ui/local-time";

/** Said at the top of an archived workshop's page: what still works, and what no longer does. */
export function ArchivedNotice({ archivedAt, zone }: { archivedAt: Date; zone: string }) {
  return (
    <section aria-labelledby="archived-notice-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="archived-notice-heading" className="font-semibold">
        Archived
      </h2>
      <p className="mt-1 text-sm">
        This workshop was archived on <LocalTime at={archivedAt} zone={zone} />. Its proposals, history
        and votes stay open for reading; nothing can be edited, voted on or joined any more.
      </p>
    </section>
  );
}
