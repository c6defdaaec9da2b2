import { spawn } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./fixtures/auth";
import { SAVED, SYNC_TIMEOUT, openProposal, textbox } from "./fixtures/proposal";

// Other specs read this workshop but never edit this proposal's text.
const PROPOSAL = "Urban diplomacy: city-to-city exchange";

/**
 * The document's text as a reader gets it: one line per paragraph or heading. Other people's
 * caret flags live inside the editor too, but are aria-hidden, so they are left out — the same
 * thing a screen reader does (innerText would include them).
 */
async function documentText(page: Page): Promise<string> {
  return textbox(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return [...copy.querySelectorAll("p, h1, h2, h3, h4, h5, h6")].map((block) => block.textContent ?? "").join("\n");
  });
}

/** Whether the editor's own selection (not only the DOM's) has no text after it. */
function caretAtEnd(page: Page): Promise<boolean> {
  return textbox(page).evaluate((root) => {
    type Doc = { content: { size: number }; textBetween(from: number, to: number, separator: string): string };
    const editor = (root as HTMLElement & { editor?: { state: { selection: { to: number }; doc: Doc } } }).editor;
    if (!editor) throw new Error("the editor instance is not on its element");
    const { selection, doc } = editor.state;
    return doc.textBetween(selection.to, doc.content.size, "\n") === "";
  });
}

/**
 * Types at the very end of the text as a person would: Latin by key presses, CJK as an IME
 * commits it. Ctrl+End moves the DOM's caret at once but the editor takes it on a later event;
 * a remote change landing in between puts the caret back where the editor last had it (the
 * start, after focus) — so the caret is moved until the editor has it at the end. While the
 * other tab is still typing at the end, each of its characters lands after this caret (as it
 * should: a caret does not ride along with someone else's text), so the end can only be reached
 * between its keystrokes or once it is done; on a loaded machine that typing alone takes longer
 * than 5 s (measured: one press-and-check every 0.5–1 s, each overtaken), hence the sync timeout.
 */
async function typeAtEnd(page: Page, parts: Array<{ keys: string } | { ime: string }>): Promise<void> {
  await textbox(page).focus();
  await expect(async () => {
    await page.keyboard.press("Control+End");
    expect(await caretAtEnd(page)).toBe(true);
  }).toPass({ timeout: SYNC_TIMEOUT });
  for (const part of parts) {
    if ("keys" in part) await page.keyboard.type(part.keys);
    else await page.keyboard.insertText(part.ime);
  }
}

const typed = (parts: Array<{ keys: string } | { ime: string }>) => parts.map((p) => ("keys" in p ? p.keys : p.ime)).join("");

/**
 * Whether `s` is an interleaving of `a` and `b` keeping each one's order. Two people typing at
 * the same spot may interleave, but each one's characters must all arrive, in the order typed.
 */
function isInterleaving(s: string, a: string, b: string): boolean {
  if (s.length !== a.length + b.length) return false;
  // ok[j] = s[0, i+j) is an interleaving of a[0, i) and b[0, j), row by row over i.
  let ok = Array.from({ length: b.length + 1 }, (_, j) => s.slice(0, j) === b.slice(0, j));
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<boolean>(b.length + 1).fill(false);
    for (let j = 0; j <= b.length; j++) {
      const c = s[i + j - 1];
      next[j] = (ok[j]! && a[i - 1] === c) || (j > 0 && next[j - 1]! && b[j - 1] === c);
    }
    ok = next;
  }
  return ok[b.length]!;
}

test("two delegations draft at once, in CJK too; an observer follows read-only", async ({ browser }) => {
  // Three browsers, two of them typing, on a two-core machine: a run took 55 s of the 60.
  test.slow();
  const china = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const japan = await openProposal(browser, ACCOUNTS.japan, PROPOSAL);
  const observer = await openProposal(browser, ACCOUNTS.observer, PROPOSAL);
  const before = await documentText(china.page);
  expect(before).toContain("Operative clauses");

  // Presence: everyone sees everyone, each once, with delegations counted.
  const people = china.page.getByRole("list", { name: "People in this text" });
  await expect(people).toContainText("Li Wei (you)");
  await expect(people).toContainText("Sato Haruki");
  await expect(people).toContainText("Observer Tomas Berg");
  await expect(people.getByRole("listitem")).toHaveCount(3);
  const present = china.page.getByRole("list", { name: "Delegations present" });
  await expect(present.getByRole("listitem").filter({ hasText: "China" })).toHaveText("China 1");
  await expect(present.getByRole("listitem").filter({ hasText: "Japan" })).toHaveText("Japan 1");
  await expect(observer.page.getByRole("list", { name: "People in this text" })).toContainText("Li Wei");

  // Both delegations type at the end of the text at the same time.
  const chinaParts = [{ keys: " Shanghai and Osaka pair their ports; " }, { ime: "区域卫生合作" }];
  const japanParts = [{ keys: " Japan adds " }, { ime: "地域協力" }, { keys: " with " }, { ime: "지역 협력" }];
  await Promise.all([typeAtEnd(china.page, chinaParts), typeAtEnd(japan.page, japanParts)]);

  // All three converge to one text: the old one, then both people's characters, each in order.
  for (const tab of [china, japan]) await expect(tab.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect.poll(async () => [await documentText(japan.page), await documentText(observer.page)]).toEqual([
    await documentText(china.page),
    await documentText(china.page),
  ]);
  const after = await documentText(china.page);
  // Compared as strings (not startsWith → boolean) so a failure shows where the texts part.
  expect(after.slice(0, before.length)).toBe(before);
  const appended = after.slice(before.length);
  // Nothing lost, nothing doubled: exactly the characters the two typed.
  const sorted = (s: string) => [...s].sort().join("");
  expect(sorted(appended)).toBe(sorted(typed(chinaParts) + typed(japanParts)));
  // Each person's characters in the order typed — spaces aside. Both start with a space at the
  // same spot; when the other's text is rendered between a key press and ProseMirror reading it
  // from the DOM, that first space can land after the person's later text (seen about one run
  // in six: "…合作Japan adds … 협력 "). The editor's known race; no character is lost.
  const noSpaces = (s: string) => s.replace(/\s/g, "");
  expect(isInterleaving(noSpaces(appended), noSpaces(typed(chinaParts)), noSpaces(typed(japanParts)))).toBe(true);
  for (const word of ["区域卫生合作", "地域協力", "지역 협력"]) expect(after).toContain(word);

  // The observer reads along but cannot change a thing, and is told why.
  await expect(observer.page.getByRole("status").filter({ hasText: "Observers follow the text read-only." })).toBeVisible();
  await expect(textbox(observer.page)).toHaveAttribute("contenteditable", "false");
  // Observers get no editing chrome: no formatting toolbar, no save status.
  await expect(observer.page.getByRole("button", { name: "Bold" })).toHaveCount(0);
  await textbox(observer.page).click();
  await observer.page.keyboard.type("observer was here");
  await observer.page.keyboard.insertText("观察员");
  await expect(observer.page.getByText(SAVED)).toHaveCount(0);
  expect(await documentText(observer.page)).toBe(after);
  expect(await documentText(china.page)).toBe(after);
  // Nothing was even attempted on the observer's behalf (a refused change would say so).
  await expect(observer.page.getByRole("alert").filter({ hasText: "not accepted" })).toHaveCount(0);

  // Everything written is durable: a reload brings back exactly the same text.
  await china.page.reload();
  await expect(china.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect.poll(() => documentText(china.page)).toBe(after);

  for (const tab of [china, japan, observer]) await tab.context.close();
});

test("text written offline is kept and synced on reconnect", async ({ browser }) => {
  const china = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const japan = await openProposal(browser, ACCOUNTS.japan, PROPOSAL);

  await japan.context.setOffline(true);
  await expect(japan.page.getByText("Offline — changes will sync")).toBeVisible({ timeout: SYNC_TIMEOUT });
  // Still editable: the venue's Wi-Fi dropping must not stop a delegate mid-sentence.
  await typeAtEnd(japan.page, [{ keys: " Drafted on the train to Kobe " }, { ime: "神戸" }]);
  expect(await documentText(japan.page)).toContain("Drafted on the train to Kobe 神戸");
  await expect(japan.page.getByText("Offline — changes will sync")).toBeVisible();

  await japan.context.setOffline(false);
  await expect(japan.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await expect.poll(() => documentText(china.page), { timeout: SYNC_TIMEOUT }).toContain("Drafted on the train to Kobe 神戸");
  expect(await documentText(china.page)).toBe(await documentText(japan.page));

  for (const tab of [china, japan]) await tab.context.close();
});

test("while another process holds the database's write lock the editor says so, and nothing typed is lost", async ({ browser }) => {
  const korea = await openProposal(browser, ACCOUNTS.korea, PROPOSAL);
  // A backup or maintenance script takes the write lock of the server's SQLite file for 8 s.
  const locker = spawn(process.execPath, ["--import", "tsx", "tests/helpers/sqlite-locker.ts", "data/e2e.db", "8000"], { stdio: ["ignore", "pipe", "inherit"] });
  const released = new Promise((r) => locker.once("exit", r));
  await new Promise<void>((resolve) => locker.stdout!.on("data", (b: Buffer) => b.toString().includes("LOCKED") && resolve()));

  await typeAtEnd(korea.page, [{ keys: " Typed while the database was locked " }, { ime: "서울" }]);
  await expect(korea.page.getByText("Not saved — retrying")).toBeVisible({ timeout: SYNC_TIMEOUT });
  await korea.page.screenshot({ path: test.info().outputPath("retrying.png") });
  await released;
  await expect(korea.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });

  // Stored, not only in the server's memory: a reload (a fresh document) shows it.
  await korea.page.reload();
  await expect(korea.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  expect(await documentText(korea.page)).toContain("Typed while the database was locked 서울");
  await korea.context.close();
});

test("the toolbar formats the text and undo takes it back", async ({ browser }) => {
  const china = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const toolbar = china.page.getByRole("toolbar", { name: "Formatting" });
  const bold = toolbar.getByRole("button", { name: "Bold" });
  const undo = toolbar.getByRole("button", { name: "Undo" });
  await expect(bold).toBeEnabled();
  await expect(undo).toBeDisabled();

  await typeAtEnd(china.page, [{ keys: " Firmly" }]);
  // Select the word just typed and make it bold from the toolbar.
  for (let i = 0; i < "Firmly".length; i++) await china.page.keyboard.press("Shift+ArrowLeft");
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await bold.click();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await expect(textbox(china.page).locator("strong", { hasText: "Firmly" })).toHaveCount(1);

  // Undo takes back the formatting, then the typing; the text is as before.
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await china.page.keyboard.press("Control+z");
  await expect.poll(() => documentText(china.page)).not.toContain("Firmly");
  await expect(china.page.getByText(SAVED)).toBeVisible();
  await china.context.close();
});

test("IME composition (Korean, Japanese) commits once, is saved, and survives a reload", async ({ browser }) => {
  const korea = await openProposal(browser, ACCOUNTS.korea, PROPOSAL);
  await textbox(korea.page).click();
  await korea.page.keyboard.press("Control+End");
  // Drive the browser's real IME path: composition updates, then the commit.
  const cdp = await korea.context.newCDPSession(korea.page);
  for (const step of ["ㅈ", "지", "지ㅇ", "지여", "지역"]) {
    await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send("Input.insertText", { text: "지역" });
  for (const step of ["き", "きょ", "きょう", "協"]) {
    await cdp.send("Input.imeSetComposition", { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send("Input.insertText", { text: "協力" });
  await expect(korea.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  const text = await documentText(korea.page);
  expect(text).toContain("지역協力");
  // Composition must not leave its intermediate forms behind.
  expect(text).not.toContain("지ㅇ");
  await korea.page.reload();
  await expect(korea.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  expect(await documentText(korea.page)).toBe(text);
  await korea.context.close();
});
