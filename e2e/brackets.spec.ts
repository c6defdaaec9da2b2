// Brackets, options and a reading to agreement, as the session runs them: China brackets a
// clause and Japan adds an option; Korea supports the option; the chair reads the text through,
// agrees the option, marks two paragraphs Agreed and one Agreed ad referendum for ASEAN; a
// delegate's attempt to type inside an Agreed paragraph changes nothing, in the browser and on
// the server; ASEAN confirms; the summary counts match on every context; the clean and bracketed
// views show the expected text.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures/auth";
import { BRACKETS_WORKSHOP as W } from "./fixtures/brackets-workshop";
import { SAVED, SYNC_TIMEOUT, expectOpened, textbox } from "./fixtures/proposal";
import { expectNoViolations } from "./fixtures/axe";

async function open(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: W.title }).click();
  await page.getByRole("link", { name: W.proposal }).click();
  await expect(page.getByRole("heading", { level: 1, name: W.proposal })).toBeVisible();
  await expectOpened(page);
  return page;
}

const brackets = (page: Page) => page.getByRole("region", { name: "Brackets" });
const paragraph = (page: Page) => page.getByRole("region", { name: "Paragraph" });
const progress = (page: Page) => page.getByRole("status", { name: "Progress" });
const queue = (page: Page) => page.getByRole("region", { name: "Speaking queue" });
const statusGroup = (page: Page) => paragraph(page).getByRole("radiogroup", { name: "Paragraph status" });

/** The paragraphs of the editor as the page shows them (brackets and options included). */
async function paragraphs(page: Page): Promise<string[]> {
  return textbox(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    // Other people's carets and the margin's markers are not the text.
    for (const extra of copy.querySelectorAll(".collaboration-carets__caret, [data-margin-marker]")) extra.remove();
    return [...copy.querySelectorAll("p")].map((p) => (p.textContent ?? "").trim());
  });
}

/** Selects `text` inside the third paragraph by keyboard, as a delegate would. */
async function selectInThird(page: Page, text: string): Promise<void> {
  const third = W.paragraphs[2];
  const at = third.indexOf(text);
  await textbox(page).getByText(third.slice(0, 20)).click();
  await page.keyboard.press("Home");
  for (let i = 0; i < at; i++) await page.keyboard.press("ArrowRight");
  for (let i = 0; i < text.length; i++) await page.keyboard.press("Shift+ArrowRight");
}

test("a text is read to agreement: brackets, options, statuses, a capital's confirmation", async ({ browser }) => {
  test.setTimeout(240_000);
  const chair = await open(browser, ACCOUNTS.chair);
  const china = await open(browser, ACCOUNTS.china);
  const japan = await open(browser, ACCOUNTS.japan);
  const korea = await open(browser, ACCOUNTS.korea);
  const asean = await open(browser, ACCOUNTS.asean);
  const observer = await open(browser, ACCOUNTS.observer);
  const everyone = [chair, china, japan, korea, asean, observer];
  const third = W.paragraphs[2];
  const withOption = third.replace(W.bracketed, `[${W.bracketed} / ${W.option}]`);

  // China brackets "within twelve months"; everyone sees it in square brackets, held by China.
  await selectInThird(china, W.bracketed);
  await china.getByRole("button", { name: "Bracket", exact: true }).click();
  for (const page of everyone) await expect.poll(() => paragraphs(page)).toContain(third.replace(W.bracketed, `[${W.bracketed}]`));
  await expect(brackets(korea).getByRole("listitem").first()).toContainText("China");

  // Japan adds an option; the text reads [option 1 / option 2] for everyone.
  await brackets(japan).getByRole("button", { name: "Add option" }).click();
  await brackets(japan).getByLabel("Option text").fill(W.option);
  await brackets(japan).getByRole("button", { name: "Propose option" }).click();
  for (const page of everyone) await expect.poll(() => paragraphs(page)).toContain(withOption);

  // Korea supports Japan's option and joins the bracket; each sees it.
  const support = brackets(korea).getByRole("button", { name: "Support", exact: true });
  await support.click();
  await expect(support).toHaveAttribute("aria-pressed", "true");
  await brackets(korea).getByRole("button", { name: "Join bracket" }).click();
  await expect(brackets(china).getByRole("listitem").first()).toContainText("Republic of Korea");
  // The observer sees the bracket and can do nothing with it.
  for (const name of ["Join bracket", "Withdraw bracket", "Add option", "Support", "Agree on this option", "Lift bracket"]) {
    await expect(brackets(observer).getByRole("button", { name, exact: true })).toHaveCount(0);
  }

  // The two views: clean (no bracketed words) and bracketed (both options).
  await korea.getByRole("button", { name: "Clean text" }).click();
  await expect(korea.getByRole("button", { name: "Clean text" })).toHaveAttribute("aria-pressed", "true");
  const clean = korea.getByRole("region", { name: "Clean text" });
  await expect(clean).toContainText(W.paragraphs[0]);
  await expect(clean).toContainText("The Parties shall establish a joint assessment mechanism.");
  await expect(clean).not.toContainText(W.bracketed);
  await expect(clean).not.toContainText(W.option);
  await korea.getByRole("button", { name: "Bracketed text" }).click();
  await expect.poll(() => paragraphs(korea)).toContain(withOption);
  await expectNoViolations(korea, "the proposal with a bracket and an option");

  // The chair reads the text through.
  await chair.getByRole("button", { name: "Start reading" }).click();
  await expect(chair.getByText("Reading paragraph 1 of 5")).toBeVisible();
  await statusGroup(chair).getByRole("radio", { name: "Agreed", exact: true }).check();
  await chair.getByRole("button", { name: "Next paragraph" }).click();
  await expect(chair.getByText("Reading paragraph 2 of 5")).toBeVisible();
  // A request for the floor during the reading is about the paragraph on the table.
  await queue(asean).getByRole("button", { name: "Request the floor" }).click();
  await expect(queue(chair)).toContainText("paragraph 2");
  await statusGroup(chair).getByRole("radio", { name: "Agreed ad referendum" }).check();
  await paragraph(chair).getByRole("checkbox", { name: "ASEAN" }).check();
  // The margin says so for everyone, and whose capital is awaited.
  await expect(textbox(observer).getByRole("note", { name: "Paragraph 2: Agreed ad referendum, awaiting ASEAN" })).toBeAttached();
  await chair.getByRole("button", { name: "Next paragraph" }).click();
  await chair.getByRole("button", { name: "Previous paragraph" }).click();
  await expect(chair.getByText("Reading paragraph 2 of 5")).toBeVisible();
  await chair.getByRole("button", { name: "Next paragraph" }).click();
  await expect(chair.getByText("Reading paragraph 3 of 5")).toBeVisible();
  // The chair agrees on Japan's option: the text changes for everyone, the bracket is gone.
  const agreedThird = third.replace(W.bracketed, W.option);
  await brackets(chair).getByRole("button", { name: "Agree on this option" }).last().click();
  for (const page of everyone) await expect.poll(() => paragraphs(page)).toContain(agreedThird);
  await statusGroup(chair).getByRole("radio", { name: "Agreed", exact: true }).check();
  await chair.getByRole("button", { name: "End reading" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "Reading ended" })).toContainText("Agreed ad referendum");
  await expectNoViolations(chair, "the proposal after a reading, as the chair");

  // A delegate types inside an Agreed paragraph: nothing changes, in the browser or on the server.
  await textbox(korea).getByText(W.paragraphs[0].slice(0, 20)).click();
  await korea.keyboard.press("End");
  await korea.keyboard.type(" Amended.");
  await expect.poll(() => paragraphs(korea)).toContain(W.paragraphs[0]);
  await expect(korea.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await korea.reload();
  await expectOpened(korea);
  await expect.poll(() => paragraphs(korea)).toContain(W.paragraphs[0]);
  await expect.poll(() => paragraphs(observer)).toContain(W.paragraphs[0]);

  // ASEAN confirms for its capital: the second paragraph is Agreed for everyone.
  await asean.getByRole("button", { name: "Confirm for my capital" }).click();
  await expect(asean.getByRole("button", { name: "Confirm for my capital" })).toHaveCount(0);

  // The summary counts match on every context, and on the board.
  for (const page of everyone) await expect(progress(page)).toHaveText(/3 of 5 paragraphs agreed, no brackets open/);
  await chair.getByRole("link", { name: W.title }).first().click();
  await expect(chair.getByRole("heading", { level: 1, name: W.title })).toBeVisible();
  await expect(chair.getByRole("listitem").filter({ hasText: W.proposal })).toContainText("3 of 5 paragraphs agreed, no brackets open");

  // History lists the bracket and status events in the order they happened.
  await chair.goBack();
  await expectOpened(chair);
  await chair.getByRole("link", { name: "History", exact: true }).click();
  const events = chair.getByRole("region", { name: "Brackets and paragraph statuses" }).getByRole("listitem");
  await expect(events.first()).toContainText("Put a passage in brackets");
  const lines = await events.allTextContents();
  const at = (words: string) => lines.findIndex((l) => l.includes(words));
  expect(at("Put a passage in brackets")).toBeLessThan(at("Proposed an option"));
  expect(at("Proposed an option")).toBeLessThan(at("Started a reading"));
  expect(at("Started a reading")).toBeLessThan(at("Agreed on a bracketed passage"));
  expect(at("Agreed on a bracketed passage")).toBeLessThan(at("Ended a reading"));
  expect(at("Ended a reading")).toBeLessThan(at("Confirmed a paragraph for their capital"));

  // The chair reopens the first paragraph; Korea's edit now goes through.
  await chair.goBack();
  await expectOpened(chair);
  await textbox(chair).getByText(W.paragraphs[0].slice(0, 20)).click();
  await paragraph(chair).getByRole("button", { name: "Reopen paragraph" }).click();
  await expect(statusGroup(chair).getByRole("radio", { name: "Open" })).toBeChecked();
  await textbox(korea).getByText(W.paragraphs[0].slice(0, 20)).click();
  await korea.keyboard.press("End");
  await korea.keyboard.type(" Reviewed.");
  await expect.poll(() => paragraphs(observer)).toContain(`${W.paragraphs[0]} Reviewed.`);
  for (const page of everyone) await expect(progress(page)).toHaveText(/2 of 5 paragraphs agreed/);

  // Restoring the starting draft would change the agreed third paragraph: the chair is asked first.
  const proposalUrl = chair.url();
  await chair.getByRole("link", { name: "History", exact: true }).click();
  await chair.getByRole("link", { name: "Version 1 — Starting draft" }).click();
  await chair.getByRole("button", { name: "Restore this version" }).click();
  await chair.getByRole("button", { name: "Confirm restore" }).click();
  await expect(chair.getByRole("alert").filter({ hasText: "Restoring this version would change" })).toContainText("1 agreed paragraph");
  await chair.getByRole("button", { name: "Restore anyway" }).click();
  await expect(chair.getByRole("status").filter({ hasText: /Restored as version \d+/ })).toBeVisible();
  await expect.poll(() => paragraphs(observer)).toContain(third);
  await chair.goto(proposalUrl);
  await expectOpened(chair);
});
