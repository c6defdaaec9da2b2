import type { ReactNode } from "react";

type Props = {
  /** The heading's id: the section is named by its heading (aria-labelledby). */
  id: string;
  title: ReactNode;
  /** A sentence under the heading saying what the section does. */
  intro?: ReactNode;
  /** "danger" for a section whose action cannot be undone (archiving). */
  tone?: "plain" | "danger";
  /** Extra classes before the card's own (a width). */
  className?: string;
  children: ReactNode;
};

/** A titled white card of a settings-like page (workshop settings, manage workshop). */
export function CardSection({ id, title, intro, tone = "plain", className, children }: Props) {
  const border = tone === "danger" ? "border-rose-200" : "border-slate-200";
  return (
    <section aria-labelledby={id} className={`${className ? `${className} ` : ""}rounded-lg border ${border} bg-white p-6 shadow-sm`}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
