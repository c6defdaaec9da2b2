// Amendments and comments, as the session runs them: the chair sets "Amendments only";
// Japan replaces a word and adds a clause (English and Japanese) with a reason; China objects,
// Korea supports; the observer sees and cannot act; the chair accepts one and rejects the other;
// everyone ends with the same agreed text; Compare attributes the accepted word to Japan; and a
// China delegation-only comment reaches China's second delegate and nobody else.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures/auth";
import { AMENDMENTS_WORKSHOP as W } from "./fixtures/amendments-workshop";
import { SAVED, SYNC_TIMEOUT, expectOpened, textbox } from "./fixtures/proposal";
import { expectNoViolations } from "./fixtures/axe";

const CLAUSE = " Japan will provide technical assistance（日本は技術支援を提供する）.";
const REASON = "“May” leaves room for each Party's own procedures.";
const PRIVATE_NOTE = "CHN only: hold this line until capital replies";

async function open(browser: Browser, email: string, proposal: string = W.proposal): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: W.title }).click();
  await page.getByRole("link", { name: proposal }).click();
  await expect(page.getByRole("heading", { level: 1, name: proposal })).toBeVisible();
  await expectOpened(page);
  return page;
}

const amendments = (page: Page) => page.getByRole("region", { name: "Amendments" });
const comments = (page: Page) => page.getByRole("region", { name: "Comments" });
const card = (page: Page, text: string) => amendments(page).getByRole("listitem").filter({ hasText: text });

/** The agreed text as a page shows it: without other people's carets and proposed insertions. */
async function agreedText(page: Page): Promise<string> {
  return textbox(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll(".collaboration-carets__caret, ins")) extra.remove();
    return [...copy.querySelectorAll("p")].map((p) => p.textContent).join("\n");
  });
}

/** Puts the caret `offset` characters into the text's first paragraph, selecting `length` more. */
async function selectInFirstParagraph(page: Page, offset: number, length: number): Promise<void> {
  await textbox(page).focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < offset; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < length; i++) await page.keyboard.press("Shift+ArrowRight");
}

test("amendments are proposed, weighed and decided by the chair; a delegation's note stays its own", async ({ browser }) => {
  test.setTimeout(180_000);
  const chair = await open(browser, ACCOUNTS.chair);
  const japan = await open(browser, ACCOUNTS.japan);
  const china = await open(browser, ACCOUNTS.china);
  const korea = await open(browser, ACCOUNTS.korea);
  const observer = await open(browser, ACCOUNTS.observer);
  const everyone = [chair, japan, china, korea, observer];
  const proposalUrl = chair.url();

  // The chair switches to "Amendments only"; every tab is told at once.
  const mode = chair.getByRole("radiogroup", { name: "Editing mode" });
  await expect(mode.getByRole("radio", { name: "Open drafting" })).toBeChecked();
  await mode.getByRole("radio", { name: "Amendments only" }).check();
  for (const page of [japan, china, korea]) await expect(page.getByText(/Amendments only/).first()).toBeVisible();

  // Japan replaces "shall" by "may": an amendment, not a change of the agreed text.
  await selectInFirstParagraph(japan, "The Parties ".length, "shall".length);
  await japan.keyboard.type("may");
  const replace = card(japan, "shall");
  await expect(replace).toContainText("may");
  await expect(replace).toContainText("Japan");
  // …shown inline to everyone, struck and inserted, in the text.
  for (const page of everyone) {
    await expect(textbox(page).getByRole("deletion").filter({ hasText: "shall" })).toBeVisible();
    await expect(textbox(page).getByRole("insertion").filter({ hasText: "may" })).toBeVisible();
  }
  await replace.getByLabel("Reason").fill(REASON);
  await replace.getByRole("button", { name: "Save reason" }).click();
  await expect(card(china, "shall")).toContainText(REASON);

  // Japan adds a clause at the end of the text, in English and Japanese.
  await textbox(japan).focus();
  await japan.keyboard.press("Control+End");
  await japan.keyboard.type(CLAUSE);
  await expect(card(korea, "技術支援")).toBeVisible();

  // China objects to the replacement, Korea supports it; each sees its stance pressed.
  await card(china, "shall").getByRole("button", { name: "Object" }).click();
  await expect(card(china, "shall").getByRole("button", { name: "Object" })).toHaveAttribute("aria-pressed", "true");
  await card(korea, "shall").getByRole("button", { name: "Support" }).click();
  await expect(card(korea, "shall").getByRole("button", { name: "Support" })).toHaveAttribute("aria-pressed", "true");
  // Japan cannot support its own amendment; it sees both stances.
  await expect(card(japan, "shall").getByRole("button", { name: "Support" })).toHaveCount(0);
  await expect(card(japan, "shall")).toContainText("CHN");
  await expect(card(japan, "shall")).toContainText("KOR");

  // With amendments in the text and on the cards, the pages stay accessible (axe, WCAG 2.2 AA).
  await expectNoViolations(japan, "the proposal with amendments, as their author");
  await expectNoViolations(china, "the proposal with amendments, as another delegation");

  // The observer sees both amendments and can do nothing with them.
  await expect(amendments(observer).getByRole("listitem")).toHaveCount(2);
  for (const name of ["Support", "Object", "Withdraw", "Accept", "Reject"]) {
    await expect(amendments(observer).getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  // The chair accepts the replacement and rejects the clause.
  await card(chair, "shall").getByRole("button", { name: "Accept", exact: true }).click();
  await card(chair, "技術支援").getByRole("button", { name: "Reject", exact: true }).click();
  const agreed = `${W.firstSentence.replace("shall", "may")}\n${W.secondSentence}`;
  for (const page of everyone) {
    await expect.poll(() => agreedText(page)).toBe(agreed);
    await expect(textbox(page).getByRole("deletion")).toHaveCount(0);
    await expect(textbox(page).getByRole("insertion")).toHaveCount(0);
  }
  await expect(card(japan, "shall")).toContainText("Accepted");
  await expect(card(japan, "技術支援")).toContainText("Rejected");

  // Compare: the accepted word is Japan's, not the chair's.
  await chair.getByLabel("Version name").fill("After amendments");
  await chair.getByRole("button", { name: "Save version" }).click();
  const saved = chair.getByRole("status").filter({ hasText: /Saved as version \d+\./ });
  await expect(saved).toBeVisible();
  const number = Number(/version (\d+)/.exec((await saved.textContent()) ?? "")?.[1]);
  await chair.getByRole("link", { name: "Compare", exact: true }).click();
  await expect(chair.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
  await chair.getByLabel("From version").selectOption({ label: "Version 1 — Starting draft" });
  await chair.getByLabel("To version").selectOption({ label: `Version ${number} — After amendments` });
  await chair.getByRole("button", { name: "Compare", exact: true }).click();
  const differences = chair.getByRole("region", { name: "Differences" });
  await expect(differences.getByRole("insertion").filter({ hasText: "may" })).toHaveAttribute("title", "inserted by Japan");

  // A comment for everyone mentioning Japan: Japan's notifications say so at once, Korea's do not.
  await selectInFirstParagraph(china, "The Parties ".length, "may".length);
  await china.getByRole("button", { name: "Comment", exact: true }).click();
  await comments(china).getByLabel("Comment", { exact: true }).fill("@Japan, would “may” still bind the guarantee fund?");
  await comments(china).getByRole("button", { name: "Post comment" }).click();
  await expect(comments(korea)).toContainText("would “may” still bind");
  await expect(japan.getByRole("button", { name: /^Notifications/ })).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await expect(korea.getByRole("button", { name: /^Notifications/ })).toHaveAttribute("aria-label", "Notifications");

  // China's delegation-only comment: China's second delegate sees it; nobody else does.
  await selectInFirstParagraph(china, "The Parties may establish a joint ".length, "credit guarantee facility".length);
  await china.getByRole("button", { name: "Comment", exact: true }).click();
  await comments(china).getByLabel("Comment", { exact: true }).fill(PRIVATE_NOTE);
  await comments(china).getByRole("radio", { name: "My delegation only" }).check();
  await expectNoViolations(china, "the proposal with a comment being written");
  await comments(china).getByRole("button", { name: "Post comment" }).click();
  await expect(comments(china)).toContainText(PRIVATE_NOTE);
  const china2 = await open(browser, ACCOUNTS.china2);
  await expect(comments(china2)).toContainText(PRIVATE_NOTE);
  await expectNoViolations(chair, "the proposal with decided amendments, as the chair");
  for (const page of [chair, japan, korea, observer]) {
    // Opened afresh (the chair is on Compare): what the join answer carries, not only live events.
    await page.goto(proposalUrl);
    await expectOpened(page);
    await expect(comments(page)).toBeVisible();
    await expect(page.locator("body")).not.toContainText(PRIVATE_NOTE);
  }
  await expect(japan.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
});

test("an amendment typed offline is proposed on reconnect, not lost", async ({ browser }) => {
  test.setTimeout(120_000);
  const chair = await open(browser, ACCOUNTS.chair, W.offlineProposal);
  const japan = await open(browser, ACCOUNTS.japan, W.offlineProposal);
  const korea = await open(browser, ACCOUNTS.korea, W.offlineProposal);
  await chair.getByRole("radiogroup", { name: "Editing mode" }).getByRole("radio", { name: "Amendments only" }).check();
  await expect(japan.getByText(/Amendments only/).first()).toBeVisible();

  // The venue's Wi-Fi drops; Japan goes on typing: "every quarter" → "every month".
  await japan.context().setOffline(true);
  const at = W.offlineSentence.indexOf("quarter");
  await textbox(japan).focus();
  await japan.keyboard.press("Control+Home");
  for (let i = 0; i < at; i++) await japan.keyboard.press("ArrowRight");
  for (let i = 0; i < "quarter".length; i++) await japan.keyboard.press("Shift+ArrowRight");
  await japan.keyboard.type("month");
  await expect(card(japan, "quarter")).toContainText("Not sent yet");
  await expect(amendments(korea).getByRole("listitem")).toHaveCount(0);

  // Back online: the amendment reaches everyone, and the agreed text is untouched.
  await japan.context().setOffline(false);
  await expect(card(korea, "quarter")).toContainText("month", { timeout: SYNC_TIMEOUT });
  await expect(card(japan, "quarter")).not.toContainText("Not sent yet", { timeout: SYNC_TIMEOUT });
  await expect.poll(() => agreedText(korea)).toBe(W.offlineSentence);
});

test("in open drafting, \"Suggest\" makes the next change an amendment instead of an edit", async ({ browser }) => {
  test.setTimeout(120_000);
  const japan = await open(browser, ACCOUNTS.japan, W.suggestProposal);
  const korea = await open(browser, ACCOUNTS.korea, W.suggestProposal);
  const suggest = japan.getByRole("button", { name: "Suggest", exact: true });
  await expect(suggest).toHaveAttribute("aria-pressed", "false");
  await suggest.click();
  await expect(suggest).toHaveAttribute("aria-pressed", "true");

  const at = W.suggestSentence.indexOf("weekly");
  await textbox(japan).focus();
  await japan.keyboard.press("Control+Home");
  for (let i = 0; i < at; i++) await japan.keyboard.press("ArrowRight");
  for (let i = 0; i < "weekly".length; i++) await japan.keyboard.press("Shift+ArrowRight");
  await japan.keyboard.type("daily");
  await expect(card(korea, "weekly")).toContainText("daily");
  await expect.poll(() => agreedText(korea)).toBe(W.suggestSentence);

  // Suggest off: typing edits the agreed text directly again, as open drafting does.
  await suggest.click();
  await expect(suggest).toHaveAttribute("aria-pressed", "false");
  await textbox(japan).focus();
  await japan.keyboard.press("Control+End");
  await japan.keyboard.type(" Japan hosts the first exchange.");
  await expect.poll(() => agreedText(korea)).toBe(`${W.suggestSentence} Japan hosts the first exchange.`);
});
