// One inserted or deleted stretch of text. Colour alone never carries the meaning: each mark
// also says in words (visually hidden, and as a tooltip) what happened and who wrote it.
import { useTranslations } from "next-intl";
import type { DelegationInfo } from "./contributor-chips";

const NEUTRAL = "#64748b"; // slate-500: insertions no delegation wrote (numbering, the chair)

/** Colours come from the database and go into style attributes: accept plain #rrggbb only. */
export function safeColour(colour: string | undefined): string {
  return colour && /^#[0-9a-f]{6}$/i.test(colour) ? colour : NEUTRAL;
}

type Props = { text: string; isBreak?: boolean };

export function Insertion({ text, isBreak, delegation }: Props & { delegation: DelegationInfo | undefined }) {
  const t = useTranslations("history");
  const colour = safeColour(delegation?.colour);
  const who = delegation ? t("diffMarks.insertedBy", { name: delegation.name }) : t("diffMarks.inserted");
  const breakWho = delegation ? t("diffMarks.breakInsertedBy", { name: delegation.name }) : t("diffMarks.breakInserted");
  return (
    <ins
      title={isBreak ? breakWho : who}
      className="rounded-sm underline decoration-2 underline-offset-4"
      // "22" alpha: a tint light enough that black text stays readable on a projector.
      style={{ backgroundColor: `${colour}22`, textDecorationColor: colour }}
    >
      <span className="sr-only">[{who}: </span>
      {isBreak ? <Pilcrow /> : text}
      <span className="sr-only">]</span>
    </ins>
  );
}

export function Deletion({ text, isBreak }: Props) {
  const t = useTranslations("history");
  return (
    <del title={isBreak ? t("diffMarks.breakDeleted") : t("diffMarks.deleted")} className="text-red-800/80 line-through decoration-red-700/70 decoration-[1.5px]">
      <span className="sr-only">[{t("diffMarks.deleted")}: </span>
      {isBreak ? <Pilcrow /> : text}
      <span className="sr-only">]</span>
    </del>
  );
}

function Pilcrow() {
  const t = useTranslations("history");
  return (
    <>
      <span aria-hidden>¶</span>
      <span className="sr-only">{t("diffMarks.paragraphBreak")}</span>
    </>
  );
}
