import { useTranslations } from "next-intl";
import { DelegationChip } from "@/components/ui/badges";

export type DelegationInfo = { id: string; name: string; code: string; colour: string };

/** The delegations that wrote in a version, as the chips used across the workshop. */
export function ContributorChips({ ids, delegations }: { ids: readonly string[]; delegations: ReadonlyMap<string, DelegationInfo> }) {
  // A delegation removed since keeps its id in old versions: skip what no longer resolves.
  const t = useTranslations("history");
  const known = ids.map((id) => delegations.get(id)).filter((d): d is DelegationInfo => d !== undefined);
  if (known.length === 0) return null;
  return (
    <ul aria-label={t("contributorChips.label")} className="flex flex-wrap gap-1.5">
      {known.map((d) => (
        <li key={d.id}>
          <DelegationChip name={d.name} code={d.code} colour={d.colour} />
        </li>
      ))}
    </ul>
  );
}
