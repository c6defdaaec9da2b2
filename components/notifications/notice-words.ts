"use client";
// A notice in the reader's language. The server stores each notice's sentence in English
// (lib/domain/notifications.ts notificationText, written once per recipient), and the live board's
// toasts are English sentences too (lib/realtime/use-workshop-live.ts noticesBetween); both are
// made from a fixed template and data (a proposal's title, an author's name, a version number).
// Until the notices carry their kind and data instead, the template is recognised here and
// worded from the catalogue (`notifications.notice.*`), the data kept as it is. English readers,
// and any sentence not recognised, get the sentence exactly as it came.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export type NoticeWords = { key: string; values: Record<string, string | number> };

/** The English templates: kind (as stored), catalogue key, and how the data is read back. */
const PREFIXES: readonly { kind: string; key: string; prefix: string }[] = [
  { kind: "vote.open", key: "voteOpen", prefix: "Vote opened on " },
  { kind: "vote.cancel", key: "voteCancel", prefix: "Vote cancelled on " },
  { kind: "agenda.current", key: "agendaCurrent", prefix: "Now on the floor: " },
  { kind: "proposal.lock", key: "proposalLock", prefix: "Drafting locked on " },
  { kind: "proposal.unlock", key: "proposalUnlock", prefix: "Drafting reopened on " },
  { kind: "version.restore", key: "earlierVersionRestored", prefix: "An earlier version was restored on " },
];
const SUFFIXES: readonly { kind: string; key: string; suffix: string }[] = [
  { kind: "vote.close", key: "voteNotAdopted", suffix: ": not adopted" },
  { kind: "vote.close", key: "voteAdopted", suffix: ": adopted" },
];
const ARCHIVED = "The workshop has been archived: it can be read, not changed.";
const VERSION_RESTORED = /^Version (\d+) restored on ([\s\S]+)$/;
const MENTIONED = " mentioned your delegation in a comment on ";
/** The fallbacks the English sentences use when a title or an author is not known. */
const NO_TITLE = "an item";
const NO_AUTHOR = "Someone";

/**
 * The template and data of an English notice, or null when it is none of them. `kind` (a stored
 * notice's) narrows the templates tried; a live toast has none.
 */
export function noticeWords(text: string, kind?: string): NoticeWords | null {
  const fits = (k: string) => kind === undefined || kind === k;
  if (kind === undefined && text === ARCHIVED) return { key: "archived", values: {} };
  for (const p of PREFIXES) {
    if (fits(p.kind) && text.startsWith(p.prefix) && text.length > p.prefix.length) return { key: p.key, values: { title: text.slice(p.prefix.length) } };
  }
  if (fits("version.restore")) {
    const m = VERSION_RESTORED.exec(text);
    if (m) return { key: "versionRestored", values: { version: Number(m[1]), title: m[2]! } };
  }
  if (fits("comment.mention")) {
    const at = text.indexOf(MENTIONED);
    if (at > 0 && text.length > at + MENTIONED.length) return { key: "mentioned", values: { author: text.slice(0, at), title: text.slice(at + MENTIONED.length) } };
  }
  for (const s of SUFFIXES) {
    if (fits(s.kind) && text.endsWith(s.suffix) && text.length > s.suffix.length) return { key: s.key, values: { title: text.slice(0, -s.suffix.length) } };
  }
  return null;
}

/** A notice's sentence as the reader should read it (see the top of this file). */
export function useNoticeText(): (text: string, kind?: string) => string {
  const locale = useLocale();
  const t = useTranslations("notifications");
  return useCallback(
    (text: string, kind?: string) => {
      if (locale === "en") return text;
      const words = noticeWords(text, kind);
      if (!words) return text;
      const values = { ...words.values };
      if (values.title === NO_TITLE) values.title = t("notice.anItem");
      if (values.author === NO_AUTHOR) values.author = t("notice.someone");
      return t(`notice.${words.key}`, values);
    },
    [locale, t],
  );
}
