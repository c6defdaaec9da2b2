// The English notices (stored and live) are recognised by their templates, their data kept, so
// they can be worded in the reader's language; the catalogue's English words them as they came.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { notificationText, type NotificationKind } from "@/lib/domain/notifications";
import { readCatalogue } from "@/lib/i18n/messages";
import { noticeWords } from "./notice-words";

type T = (key: string, values?: Record<string, string | number>) => string;
const en = createTranslator({ locale: "en", messages: readCatalogue("en"), namespace: "notifications" }) as unknown as T;
const ja = createTranslator({ locale: "ja", messages: readCatalogue("ja"), namespace: "notifications" }) as unknown as T;
const title = "Ocean Pact: draft 2 — Vote opened on";

describe("noticeWords", () => {
  const cases: [NotificationKind, Parameters<typeof notificationText>[1]][] = [
    ["vote.open", { title }],
    ["vote.close", { title, isAdopted: true }],
    ["vote.close", { title, isAdopted: false }],
    ["vote.cancel", { title }],
    ["agenda.current", { title }],
    ["proposal.lock", { title }],
    ["proposal.unlock", { title }],
    ["version.restore", { title }],
    ["version.restore", { title, versionNumber: 12 }],
    ["comment.mention", { title, author: "Li Wei" }],
  ];
  it.each(cases)("reads back every stored notice (%s), which English words exactly as it was", (kind, subject) => {
    const text = notificationText(kind, subject);
    const words = noticeWords(text, kind);
    expect(words?.values.title).toBe(title);
    expect(en(`notice.${words!.key}`, words!.values)).toBe(text);
    // Without the kind (a live toast) the same sentence is read the same way.
    expect(noticeWords(text)).toEqual(words);
  });
  it("reads the live board's own sentences", () => {
    expect(noticeWords("The workshop has been archived: it can be read, not changed.")).toEqual({ key: "archived", values: {} });
    expect(noticeWords("Now on the floor: an item")).toEqual({ key: "agendaCurrent", values: { title: "an item" } });
  });
  it("leaves anything else alone", () => {
    expect(noticeWords("Something else happened")).toBeNull();
    expect(noticeWords("Vote opened on X", "proposal.lock")).toBeNull();
  });
  it("words it in another language, the data kept", () => {
    const words = noticeWords(notificationText("version.restore", { title: "Ocean Pact", versionNumber: 3 }), "version.restore")!;
    expect(ja(`notice.${words.key}`, words.values)).toContain("Ocean Pact");
  });
});
