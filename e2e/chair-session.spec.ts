// Running a session without accidents, on the review workshop's drafting proposal (the demo's
// proposals stay as the other specs expect them): a stray Enter opens no vote; closing below
// quorum says what will happen first; a failed vote leaves a locked text locked; focus after
// "Lock drafting" lands on the drafting status; notifications survive a reload.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures/auth";
import { REVIEW_WORKSHOP } from "./fixtures/review-workshop";
import { expectOpened } from "./fixtures/proposal";

const decision = (page: Page) => page.getByRole("region", { name: "Decision" });
const stateBadge = (page: Page) => page.getByRole("heading", { level: 1, name: REVIEW_WORKSHOP.drafting }).locator("..");

async function openDraft(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: REVIEW_WORKSHOP.title }).click();
  await page.getByRole("link", { name: REVIEW_WORKSHOP.drafting }).click();
  await expectOpened(page);
  return page;
}

test("the chair's decisions are deliberate, and what people are told is kept", async ({ browser }) => {
  test.setTimeout(120_000);
  const chair = await openDraft(browser, ACCOUNTS.chair);
  const delegate = await openDraft(browser, ACCOUNTS.china);

  // "Lock drafting": the text locks, focus lands on the drafting status, which says so.
  await decision(chair).getByRole("button", { name: "Lock drafting" }).click();
  const status = decision(chair).getByText("Drafting is locked.");
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  await expect(stateBadge(delegate).getByText("Locked", { exact: true })).toBeVisible();

  // A stray Enter in the vote form opens nothing: it only asks.
  const question = decision(chair).getByLabel("Question");
  await question.fill("Does the workshop adopt the health desk text?");
  await question.press("Enter");
  const openDialog = chair.getByRole("dialog", { name: "Open the vote?" });
  await expect(openDialog).toBeVisible();
  // Focus starts on "Back to the form": another stray Enter goes back, not on.
  await expect(openDialog.getByRole("button", { name: "Back to the form" })).toBeFocused();
  await chair.keyboard.press("Enter");
  await expect(openDialog).toBeHidden();
  await expect(stateBadge(chair).getByText("Locked", { exact: true })).toBeVisible();
  await expect(decision(chair).getByRole("button", { name: "Close vote" })).toHaveCount(0);

  // Opened on purpose, quorum 2 of the 2 delegations.
  await decision(chair).getByLabel(/^Quorum/).fill("2");
  await decision(chair).getByRole("button", { name: "Open vote" }).click();
  await openDialog.getByRole("button", { name: "Open the vote now" }).click();
  await expect(stateBadge(delegate).getByText("Voting", { exact: true })).toBeVisible();

  // China votes; Japan does not. Closing first says the consequence and who has not voted.
  await decision(delegate).getByRole("button", { name: "Yes", exact: true }).click();
  await expect(decision(delegate).getByText("Your delegation has voted.")).toBeVisible();
  await decision(chair).getByRole("button", { name: "Close vote" }).click();
  const closeDialog = chair.getByRole("dialog", { name: "Close the vote?" });
  await expect(closeDialog).toContainText("1 of 2 delegations has voted. Quorum is 2: closing now gives Not adopted – quorum not met.");
  await expect(closeDialog.getByRole("list")).toContainText("Japan");
  await closeDialog.getByRole("button", { name: "Close the vote now" }).click();

  // Not adopted: the proposal goes back to where it was — locked, not open for drafting.
  await expect(decision(delegate)).toContainText("Not adopted");
  await expect(stateBadge(delegate).getByText("Locked", { exact: true })).toBeVisible();
  await chair.reload();
  await expect(stateBadge(chair).getByText("Locked", { exact: true })).toBeVisible();

  // The delegate was told; the notifications are still there after a reload.
  const bell = delegate.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAttribute("aria-label", /Notifications, \d+ unread/);
  await delegate.reload();
  await expectOpened(delegate);
  await expect(bell).toHaveAttribute("aria-label", /Notifications, \d+ unread/);
  await bell.click();
  const recent = delegate.getByRole("region", { name: "Recent notifications" });
  await expect(recent).toContainText(`${REVIEW_WORKSHOP.drafting}: not adopted`);
  await expect(recent).toContainText(`Vote opened on ${REVIEW_WORKSHOP.drafting}`);
  await recent.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAttribute("aria-label", "Notifications");

  // A countdown lock: everyone editing sees it coming, and the chair can call it off.
  await decision(chair).getByRole("button", { name: "Open drafting" }).click();
  await expect(stateBadge(delegate).getByText("Drafting", { exact: true })).toBeVisible();
  await decision(chair).getByRole("button", { name: "Lock in 60 s" }).click();
  await expect(delegate.getByText(/^Drafting locks in [01]:\d\d$/).first()).toBeVisible();
  await decision(chair).getByRole("button", { name: "Cancel lock" }).click();
  await expect(delegate.getByText(/^Drafting locks in/)).toHaveCount(0);
  await expect(stateBadge(delegate).getByText("Drafting", { exact: true })).toBeVisible();

  // Attendance on the board: China (the delegate is connected) present, Japan away.
  await chair.goto(chair.url().replace(/\/proposals\/.*$/, ""));
  await expect(chair.getByRole("status").filter({ hasText: "1 of 2 delegations present" })).toBeVisible();

  await chair.context().close();
  await delegate.context().close();
});
