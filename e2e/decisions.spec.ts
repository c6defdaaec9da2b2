import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_WORKSHOP_TITLE, signIn } from "./fixtures/auth";

// Other specs read the agenda (foundation reorders it), edit "Urban diplomacy…" (live drafting)
// and "Industrial-chain security…" (history): this one votes on the public-health proposal,
// locks the SME one briefly, and never touches those two.
const HEALTH = "Regional public-health exchange and cooperation mechanism";
const SME = "SME financing and capital-chain continuity";

type Tab = { context: BrowserContext; page: Page };

/** Signs in and opens the workshop, and the proposal when named (found by its link's name). */
async function open(browser: Browser, email: string, proposal?: string): Promise<Tab> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
  if (proposal) {
    await page.getByRole("link", { name: proposal }).click();
    await expect(page.getByRole("heading", { level: 1, name: proposal })).toBeVisible();
  }
  return { context, page };
}

const decision = (page: Page) => page.getByRole("region", { name: "Decision" });
/** The state badge beside the proposal's title (server-rendered, refreshed live). */
const titleRow = (page: Page, title: string) => page.getByRole("heading", { level: 1, name: title }).locator("..");
const votedItem = (page: Page, delegation: string) =>
  decision(page).getByRole("list", { name: "Who has voted" }).getByRole("listitem").filter({ hasText: delegation });

async function openVote(chair: Page, opts: { question: string; rule: string; isOpenBallot: boolean }): Promise<void> {
  await decision(chair).getByLabel("Question").fill(opts.question);
  await decision(chair).getByLabel("Rule").selectOption({ label: opts.rule });
  // The quorum defaults to every delegation.
  await expect(decision(chair).getByLabel("Quorum")).toHaveValue("4");
  if (opts.isOpenBallot) await decision(chair).getByLabel("Open ballot").check();
  await decision(chair).getByRole("button", { name: "Open vote" }).click();
  // Submitting only asks; the dialog's own button opens the vote.
  await chair.getByRole("dialog", { name: "Open the vote?" }).getByRole("button", { name: "Open the vote now" }).click();
}

async function vote(page: Page, choice: "Yes" | "No" | "Abstain", explanation?: string): Promise<void> {
  if (explanation) await decision(page).getByLabel("Explanation of position").fill(explanation);
  await decision(page).getByRole("button", { name: choice, exact: true }).click();
}

test("four delegations vote live on the frozen text; the chair closes; everyone sees the result", async ({ browser }) => {
  test.setTimeout(240_000);
  const chair = await open(browser, ACCOUNTS.chair, HEALTH);
  const delegates = {
    China: await open(browser, ACCOUNTS.china, HEALTH),
    Japan: await open(browser, ACCOUNTS.japan, HEALTH),
    "Republic of Korea": await open(browser, ACCOUNTS.korea, HEALTH),
    ASEAN: await open(browser, ACCOUNTS.asean, HEALTH),
  };
  const observer = await open(browser, ACCOUNTS.observer, HEALTH);
  const voters = Object.values(delegates);
  const everyone = [chair, ...voters, observer];

  // Round 1, an open ballot: China objects, nobody else votes; the quorum is not met.
  await openVote(chair.page, { question: "Does the workshop support the draft as it stands?", rule: "Simple majority", isOpenBallot: true });
  // Toasts leave after a few seconds: look at one first.
  await expect(delegates.Japan.page.getByRole("status").filter({ hasText: `Vote opened on ${HEALTH}` })).toBeVisible();
  for (const tab of everyone) await expect(decision(tab.page).getByRole("heading", { name: "Does the workshop support the draft as it stands?" })).toBeVisible();
  await vote(delegates.China.page, "No", "The financing annex is missing.");
  // An open ballot shows the choice to everyone while the round is open.
  for (const tab of everyone) await expect(votedItem(tab.page, "China")).toContainText("voted: No");
  await expect(decision(delegates.China.page).getByRole("button", { name: "No", exact: true })).toHaveAttribute("aria-pressed", "true");
  await decision(chair.page).getByRole("button", { name: "Close vote" }).click();
  await chair.page.getByRole("dialog", { name: "Close the vote?" }).getByRole("button", { name: "Close the vote now" }).click();
  for (const tab of [chair, delegates.China, observer]) {
    await expect(decision(tab.page).getByText("Not adopted", { exact: true })).toBeVisible();
    await expect(decision(tab.page)).toContainText("The quorum was not met: 1 of the 4 required ballots were cast.");
    await expect(titleRow(tab.page, HEALTH).getByText("Drafting", { exact: true })).toBeVisible();
  }

  // Round 2, secret, by consensus: the acceptance scenario.
  await openVote(chair.page, { question: "Does the workshop adopt this text?", rule: "Consensus", isOpenBallot: false });
  for (const tab of everyone) {
    await expect(decision(tab.page).getByRole("heading", { name: "Does the workshop adopt this text?" })).toBeVisible();
    await expect(titleRow(tab.page, HEALTH).getByText("Voting", { exact: true })).toBeVisible();
  }
  await expect(delegates.Japan.page.getByRole("status").filter({ hasText: "The text is frozen while a vote is open." })).toBeVisible();
  // The observer follows but has no ballot.
  await expect(decision(observer.page).getByRole("button", { name: "Yes", exact: true })).toHaveCount(0);
  await expect(decision(observer.page).getByRole("button", { name: "No", exact: true })).toHaveCount(0);
  await expect(decision(chair.page).getByRole("button", { name: "Yes", exact: true })).toHaveCount(0);

  const ballots: Array<[keyof typeof delegates, "Yes" | "No" | "Abstain", string?]> = [
    ["China", "Yes"],
    ["Japan", "Yes"],
    ["Republic of Korea", "Abstain", "Awaiting instructions from Seoul on clause 3."],
    ["ASEAN", "Yes"],
  ];
  for (const [i, [name, choice, explanation]] of ballots.entries()) {
    await vote(delegates[name].page, choice, explanation);
    // Everyone sees this delegation's marker turn, and the ones still to vote as not yet.
    for (const tab of everyone) {
      await expect(votedItem(tab.page, name)).toContainText("voted");
      for (const [later] of ballots.slice(i + 1)) await expect(votedItem(tab.page, later)).toContainText("not yet");
    }
    // Secret: the choice is not shown, only that the delegation has voted.
    await expect(votedItem(observer.page, name)).not.toContainText(choice);
    await expect(decision(delegates[name].page).getByText("Your delegation has voted.")).toBeVisible();
  }

  await decision(chair.page).getByRole("button", { name: "Close vote" }).click();
  await chair.page.getByRole("dialog", { name: "Close the vote?" }).getByRole("button", { name: "Close the vote now" }).click();
  await expect(delegates.ASEAN.page.getByRole("status").filter({ hasText: `${HEALTH}: adopted` })).toBeVisible();
  for (const tab of everyone) {
    await expect(decision(tab.page).getByText("Adopted", { exact: true })).toBeVisible();
    await expect(titleRow(tab.page, HEALTH).getByText("Adopted", { exact: true })).toBeVisible();
  }

  // The record: a secret ballot's totals only (never who chose what, nor the explanations), and
  // the exact version voted on.
  const record = decision(observer.page);
  await expect(record).toContainText("Yes 3 · No 0 · Abstain 1");
  await expect(record).toContainText("Secret ballot: only the totals are shown.");
  await expect(record.getByRole("row").filter({ hasText: "Japan" })).toHaveCount(0);
  await expect(record).not.toContainText("Awaiting instructions from Seoul on clause 3.");
  // (Earlier rounds sit folded away below, with their own "Voted on version …".)
  const votedOn = record.getByText(/^Voted on version \d+$/).filter({ visible: true });
  await expect(votedOn).toBeVisible();
  const version = Number(/(\d+)$/.exec((await votedOn.textContent()) ?? "")?.[1]);
  await expect(record.getByRole("link", { name: `View version ${version}` })).toHaveAttribute("href", new RegExp(`/history/${version}$`));
  const compare = record.getByRole("link", { name: "Compare with previous voted version" });
  await expect(compare).toHaveAttribute("href", new RegExp(`/compare\\?from=${version - 1}&to=${version}$`));
  // Adopted text is final: no more controls for the chair.
  await expect(decision(chair.page).getByRole("button", { name: "Open vote" })).toHaveCount(0);

  for (const tab of everyone) await tab.context.close();
});

test("the chair locks drafting and a delegate's editor says so live, then reopens it", async ({ browser }) => {
  const chair = await open(browser, ACCOUNTS.chair, SME);
  const china = await open(browser, ACCOUNTS.china, SME);
  const lockedNote = china.page.getByRole("status").filter({ hasText: "The chair has locked drafting." });
  await expect(china.page.getByText("All changes saved")).toBeVisible({ timeout: 20_000 });
  await expect(lockedNote).toHaveCount(0);

  await decision(chair.page).getByRole("button", { name: "Lock drafting" }).click();
  await expect(lockedNote).toBeVisible();
  await expect(titleRow(china.page, SME).getByText("Locked", { exact: true })).toBeVisible();
  // Delegates have no lock controls.
  await expect(china.page.getByRole("button", { name: "Open drafting" })).toHaveCount(0);

  await decision(chair.page).getByRole("button", { name: "Open drafting" }).click();
  await expect(lockedNote).toHaveCount(0);
  await expect(titleRow(china.page, SME).getByText("Drafting", { exact: true })).toBeVisible();
  await expect(decision(chair.page).getByRole("button", { name: "Lock drafting" })).toBeVisible();

  // Withdrawing asks first; keeping the proposal changes nothing.
  await decision(chair.page).getByRole("button", { name: "Withdraw proposal" }).click();
  await expect(chair.page.getByRole("group", { name: "Confirm withdrawal" })).toBeVisible();
  await chair.page.getByRole("button", { name: "Keep the proposal" }).click();
  await expect(titleRow(chair.page, SME).getByText("Drafting", { exact: true })).toBeVisible();

  for (const tab of [chair, china]) await tab.context.close();
});

test("the speaking queue and the item on the floor run live; followers follow the chair", async ({ browser }) => {
  test.setTimeout(120_000);
  const chair = await open(browser, ACCOUNTS.chair);
  const korea = await open(browser, ACCOUNTS.korea);
  const observer = await open(browser, ACCOUNTS.observer);
  const japan = await open(browser, ACCOUNTS.japan);
  const queue = (page: Page) => page.getByRole("region", { name: "Speaking queue" });

  // A delegate asks for the floor; the chair gives it with a time limit; everyone sees the clock.
  await queue(korea.page).getByRole("button", { name: "Request the floor" }).click();
  await expect(queue(korea.page).getByRole("button", { name: "Withdraw request" })).toBeVisible();
  await expect(queue(observer.page).getByRole("list", { name: "Waiting to speak" })).toContainText("Kim Jisoo");
  await expect(queue(observer.page).getByRole("button", { name: /Give the floor/ })).toHaveCount(0);
  await queue(chair.page).getByLabel("Speaking time (seconds)").fill("120");
  await queue(chair.page).getByRole("button", { name: "Give the floor to Kim Jisoo" }).click();
  const timer = queue(observer.page).getByRole("timer");
  await expect(timer).toBeVisible();
  await expect(timer).toHaveText(/^(2:00|1:[0-5]\d) left$/);
  await expect(queue(observer.page)).toContainText("Kim Jisoo");
  await expect(queue(observer.page)).toContainText("Republic of Korea");
  await expect(queue(korea.page).getByText("You have the floor")).toBeVisible();
  await queue(chair.page).getByRole("button", { name: "End speech" }).click();
  await expect(queue(observer.page).getByText("Nobody has the floor.")).toBeVisible();
  await expect(queue(observer.page).getByRole("timer")).toHaveCount(0);

  // Japan follows the chair; the chair puts another item on the floor.
  await japan.page.getByLabel("Follow the chair").check();
  // Notifications are kept per person (earlier tests' are there too): this one adds one unread.
  const bell = observer.page.getByRole("button", { name: /^Notifications/ });
  const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  await chair.page.getByRole("button", { name: `Put on the floor: ${SME}` }).click();
  await expect(japan.page.getByRole("heading", { level: 1, name: SME })).toBeVisible();
  await expect(japan.page).toHaveURL(/\/proposals\//);
  // Others see the change on their agenda, with a notice.
  const smeItem = observer.page.getByRole("region", { name: "Agenda" }).getByRole("listitem").filter({ hasText: SME });
  await expect(smeItem).toContainText("On the floor");
  await expect(smeItem).toHaveAttribute("aria-current", "true");
  const toast = observer.page.getByRole("status").filter({ hasText: `Now on the floor: ${SME}` });
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss" }).click();
  await expect(toast).toHaveCount(0);
  await expect(bell).toHaveAttribute("aria-label", `Notifications, ${unreadBefore + 1} unread`);
  await observer.page.getByRole("button", { name: /Notifications/ }).click();
  await expect(observer.page.getByRole("region", { name: "Recent notifications" })).toContainText(`Now on the floor: ${SME}`);

  // Following holds on the proposal page too: back to the first item.
  await chair.page.getByRole("button", { name: `Put on the floor: ${HEALTH}` }).click();
  await expect(japan.page.getByRole("heading", { level: 1, name: HEALTH })).toBeVisible();
  // The choice is remembered (per browser).
  await japan.page.goto(japan.page.url().replace(/\/proposals\/.*$/, ""));
  await expect(japan.page.getByLabel("Follow the chair")).toBeChecked();

  for (const tab of [chair, korea, observer, japan]) await tab.context.close();
});

test("the audit log is the chair's: filtered by proposal, in words; others get 403", async ({ browser }) => {
  const chair = await open(browser, ACCOUNTS.chair);
  await chair.page.getByRole("link", { name: "Audit log" }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await chair.page.getByLabel("Proposal").selectOption({ label: HEALTH });
  await chair.page.getByRole("button", { name: "Filter" }).click();
  await expect(chair.page).toHaveURL(/proposal=/);
  const rows = chair.page.getByRole("row");
  await expect(rows.filter({ hasText: "Opened a vote" }).first()).toContainText(HEALTH);
  await expect(rows.filter({ hasText: "Closed the vote" }).first()).toContainText("Adopted");
  const auditUrl = chair.page.url();
  await chair.context.close();

  const delegate = await open(browser, ACCOUNTS.china);
  await expect(delegate.page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const res = await delegate.page.goto(auditUrl);
  expect(res?.status()).toBe(403);
  await delegate.context.close();
});
