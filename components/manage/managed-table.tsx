"use client";
// The shell of the chair's delegation and member tables: the columns, a last "Actions" column,
// and what happens when a row goes away. A deleted row cannot keep focus, so focus moves to the
// table's caption and a live region says what changed.
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";

type Props = {
  /** The table's accessible name (its caption, read only by assistive technology). */
  caption: string;
  /** The column headers before the last one, "Actions". */
  columns: string[];
  /** Renders the rows; a row calls `announceRemoval` once the server removed it. */
  children: (announceRemoval: (message: string) => void) => ReactNode;
};

export function ManagedTable({ caption, columns, children }: Props) {
  const t = useTranslations("manage.table");
  const captionRef = useRef<HTMLTableCaptionElement>(null);
  const [announcement, setAnnouncement] = useState("");

  // The removed row is gone: focus goes to the table it was in, and the change is announced.
  const announceRemoval = (message: string) => {
    setAnnouncement(message);
    captionRef.current?.focus();
  };

  return (
    <div className="space-y-2">
      <p aria-live="polite" className="text-sm text-emerald-800">
        {announcement}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption ref={captionRef} tabIndex={-1} className="sr-only">
            {caption}
          </caption>
          <thead className="text-slate-500">
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" className="py-2 pr-3 font-medium">
                  {c}
                </th>
              ))}
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">{children(announceRemoval)}</tbody>
        </table>
      </div>
    </div>
  );
}
