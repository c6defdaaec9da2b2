// One comment in a thread: its author's colour, name and delegation (or Chair), when it was
// written (the time alone if today in the viewer's zone), and its text as written.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { CommentView } from "@/lib/protocol";
import { isSameLocalDay } from "@/lib/time/time-format";
import { safeColour } from "./thread-logic";

export function CommentItem({ comment, zone }: { comment: CommentView; zone: string }) {
  const t = useTranslations("comments");
  const d = comment.delegation;
  const colour = safeColour(d?.colour, "#94a3b8");
  const today = isSameLocalDay(comment.createdAt, new Date(), zone);
  return (
    <li className="border-l-4 pl-3" style={{ borderLeftColor: colour }}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
        <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: colour }} />
        <span className="font-semibold text-slate-900">{comment.author.name}</span>
        <Affiliation>{d ? <span style={{ color: colour }}>{d.code}</span> : <span className="text-slate-600">{t("item.chair")}</span>}</Affiliation>
        <LocalTime at={comment.createdAt} zone={zone} format={today ? "time" : "date-time"} className="text-xs text-slate-500" />
      </p>
      <p className="mt-0.5 whitespace-pre-wrap break-words text-base text-slate-800">{comment.body}</p>
    </li>
  );
}

function Affiliation({ children }: { children: ReactNode }) {
  return <span className="text-xs font-semibold">{children}</span>;
}
