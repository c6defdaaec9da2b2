import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures/auth";
import { SAVED, SYNC_TIMEOUT, openProposal, textbox } from "./fixtures/proposal";

// Other specs never edit this proposal's text (they use the other three).
const PROPOSAL = "Industrial-chain security warning and assessment mechanism";
const CHINA_PHRASE = " China proposes a joint early-warning desk in Qingdao.";
const JAPAN_PHRASE = "Japan adds a tripartite semiconductor stress test";

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await textbox(page).focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
  await expect(textbox(page)).toContainText(text.trim());
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
}

/** The proposal page's own URL + "/history" (the proposal page links there too). */
async function openHistory(page: Page, proposalUrl: string): Promise<void> {
  // Through the proposal page's "History" control, as a person would.
  await page.goto(proposalUrl);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /History/ })).toBeVisible();
}

/** Saves the live text under a name; answers the new version's number (read from the list). */
async function saveVersion(page: Page, label: string): Promise<number> {
  await page.getByLabel("Version name").fill(label);
  await page.getByRole("button", { name: "Save version" }).click();
  const link = page.getByRole("link", { name: new RegExp(`^Version \\d+ — ${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
  await expect(link).toBeVisible();
  const number = Number(/^Version (\d+)/.exec((await link.textContent()) ?? "")?.[1]);
  await expect(page.getByRole("status").filter({ hasText: `Saved as version ${number}.` })).toBeVisible();
  return number;
}

test("the chair saves, compares with attribution, restores, and verifies the history", async ({ browser }) => {
  test.setTimeout(120_000);
  const china = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const proposalUrl = china.page.url();
  await typeAtEnd(china.page, CHINA_PHRASE);

  const chair = await openProposal(browser, ACCOUNTS.chair, PROPOSAL);
  await openHistory(chair.page, proposalUrl);
  // The seed's starting draft is version 1.
  await expect(chair.page.getByRole("link", { name: "Version 1 — Starting draft" })).toBeVisible();
  // An empty name is refused by the server with a readable message, not saved.
  await chair.page.getByLabel("Version name").fill("   ");
  await chair.page.getByRole("button", { name: "Save version" }).click();
  await expect(chair.page.getByRole("alert").filter({ hasText: "Give the version a name." })).toBeVisible();
  const rev1 = await saveVersion(chair.page, "Rev.1");

  const japan = await openProposal(browser, ACCOUNTS.japan, PROPOSAL);
  await typeAtEnd(japan.page, ` ${JAPAN_PHRASE}.`);
  const rev2 = await saveVersion(chair.page, "Rev.2");
  expect(rev2).toBeGreaterThan(rev1);
  // Rev.2's contributors include Japan.
  const rev2Item = chair.page.getByRole("listitem").filter({ has: chair.page.getByRole("link", { name: `Version ${rev2} — Rev.2` }) });
  await expect(rev2Item.getByRole("list", { name: "Contributing delegations" })).toContainText("Japan");

  // Compare Rev.1 → Rev.2: Japan's sentence is an insertion attributed to Japan.
  await chair.page.getByRole("link", { name: "Compare versions" }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
  await chair.page.getByLabel("From version").selectOption({ label: `Version ${rev1} — Rev.1` });
  await chair.page.getByLabel("To version").selectOption({ label: `Version ${rev2} — Rev.2` });
  await chair.page.getByRole("button", { name: "Compare", exact: true }).click();
  await chair.page.waitForURL(new RegExp(`from=${rev1}&to=${rev2}`));
  const differences = chair.page.getByRole("region", { name: "Differences" });
  const japanInsert = differences.getByRole("insertion").filter({ hasText: JAPAN_PHRASE });
  await expect(japanInsert).toHaveCount(1);
  await expect(japanInsert).toHaveAttribute("title", "inserted by Japan");
  await expect(japanInsert).toContainText("inserted by Japan");
  // China's sentence was already in Rev.1: unchanged text, not an insertion.
  await expect(differences).toContainText(CHINA_PHRASE.trim());
  await expect(differences.getByRole("insertion").filter({ hasText: "Qingdao" })).toHaveCount(0);
  await expect(chair.page.getByText(/\d+ words? inserted, 0 deleted/)).toBeVisible();
  await expect(chair.page.getByRole("list", { name: "Legend" })).toContainText("inserted by Japan");

  // Side by side: the older text on the left, the newer one with Japan's insertion on the right.
  const layout = chair.page.getByRole("group", { name: "Layout" });
  await layout.getByRole("button", { name: "Side by side" }).click();
  await expect(layout.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "true");
  await expect(layout.getByRole("button", { name: "Inline" })).toHaveAttribute("aria-pressed", "false");
  await expect(differences.getByRole("heading", { name: `Version ${rev1} — Rev.1` })).toBeVisible();
  await expect(differences.getByRole("heading", { name: `Version ${rev2} — Rev.2` })).toBeVisible();
  await expect(differences.getByRole("insertion").filter({ hasText: JAPAN_PHRASE })).toHaveCount(1);

  // "Show authorship" on China's live page tints Japan's sentence as Japan's.
  await china.page.getByRole("button", { name: "Show authorship" }).click();
  const byAuthor = china.page.getByRole("article", { name: "Text by author" });
  await expect(byAuthor.getByTitle("Written by Japan").filter({ hasText: JAPAN_PHRASE })).toHaveCount(1);
  await expect(byAuthor.getByTitle("Written by China").filter({ hasText: "Qingdao" })).toHaveCount(1);
  await china.page.getByRole("button", { name: "Show authorship" }).click();
  await expect(textbox(china.page)).toBeVisible();

  // Restore Rev.1: the live text on China's open page loses Japan's sentence.
  await openHistory(chair.page, proposalUrl);
  await chair.page.getByRole("link", { name: `Version ${rev1} — Rev.1` }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: `Version ${rev1} — Rev.1` })).toBeVisible();
  const versionText = chair.page.getByRole("article", { name: `Version ${rev1} text` });
  await expect(versionText).toContainText(CHINA_PHRASE.trim());
  await expect(versionText).not.toContainText(JAPAN_PHRASE);
  await chair.page.getByRole("button", { name: "Restore this version" }).click();
  await chair.page.getByRole("button", { name: "Confirm restore" }).click();
  const restored = chair.page.getByRole("status").filter({ hasText: /Restored as version \d+/ });
  await expect(restored).toBeVisible();
  const restoredNumber = Number(/Restored as version (\d+)/.exec((await restored.textContent()) ?? "")?.[1]);
  await expect(textbox(china.page)).not.toContainText(JAPAN_PHRASE, { timeout: SYNC_TIMEOUT });
  await expect(textbox(china.page)).toContainText(CHINA_PHRASE.trim());

  // The history gains a Restore version, and its chain still verifies.
  await openHistory(chair.page, proposalUrl);
  const restoreItem = chair.page.getByRole("listitem").filter({ has: chair.page.getByRole("link", { name: `Version ${restoredNumber} — Restored from version ${rev1} (Rev.1)` }) });
  await expect(restoreItem.getByText("Restore", { exact: true })).toBeVisible();
  await chair.page.getByRole("button", { name: "Verify history" }).click();
  await expect(chair.page.getByRole("status").filter({ hasText: /History verified: \d+ versions, chain intact\./ })).toBeVisible();

  for (const tab of [china, japan, chair]) await tab.context.close();
});

test("a delegate reads the history but cannot save or restore", async ({ browser }) => {
  const delegate = await openProposal(browser, ACCOUNTS.korea, PROPOSAL);
  await openHistory(delegate.page, delegate.page.url());
  await expect(delegate.page.getByRole("link", { name: "Version 1 — Starting draft" })).toBeVisible();
  await expect(delegate.page.getByRole("button", { name: "Save version" })).toHaveCount(0);
  await expect(delegate.page.getByLabel("Version name")).toHaveCount(0);
  await delegate.page.getByRole("button", { name: "Verify history" }).click();
  await expect(delegate.page.getByRole("status").filter({ hasText: "chain intact" })).toBeVisible();

  await delegate.page.getByRole("link", { name: "Version 1 — Starting draft" }).click();
  await expect(delegate.page.getByRole("article", { name: "Version 1 text" })).toBeVisible();
  await expect(delegate.page.getByRole("button", { name: "Restore this version" })).toHaveCount(0);
  await delegate.context.close();
});

test("the verify API answers 401 to nobody and 404 for a proposal the caller cannot see", async ({ page }) => {
  const anonymous = await page.request.get("/api/proposals/not-a-proposal/verify");
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Please sign in." } });
  await signIn(page, ACCOUNTS.china);
  const unknown = await page.request.get("/api/proposals/not-a-proposal/verify");
  expect(unknown.status()).toBe(404);
});

/** `n` words by a fixed rule: the same long paragraph on every run. */
function longParagraph(n: number, seed: number): string {
  const words = ["regional", "public", "health", "exchange", "mechanism", "finance", "capital", "chain", "city", "diplomacy", "warning", "assessment", "security"];
  const out: string[] = [];
  for (let i = 0, x = seed; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(words[x % words.length]!);
  }
  return out.join(" ");
}

/** Replaces the whole live text at once, as a paste would, and waits until the server has it. */
async function replaceText(page: Page, text: string): Promise<void> {
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await textbox(page).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  await expect(textbox(page)).toContainText(text.slice(-60));
  await expect(page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
}

test("a comparison too large to go word by word says so, and shows paragraph changes with their delegation", async ({ browser }) => {
  test.setTimeout(180_000);
  // A 10,000-word paragraph rewritten from scratch: once a 164-second freeze of the server.
  const draft = longParagraph(10_000, 1);
  const rewrite = longParagraph(10_000, 2);
  const korea = await openProposal(browser, ACCOUNTS.korea, PROPOSAL);
  const chair = await openProposal(browser, ACCOUNTS.chair, PROPOSAL);
  await replaceText(korea.page, draft);
  await openHistory(chair.page, korea.page.url());
  const long = await saveVersion(chair.page, "Long draft");
  await replaceText(korea.page, rewrite);
  const rewritten = await saveVersion(chair.page, "Long rewrite");

  await chair.page.getByRole("link", { name: "Compare versions" }).click();
  await chair.page.getByLabel("From version").selectOption({ label: `Version ${long} — Long draft` });
  await chair.page.getByLabel("To version").selectOption({ label: `Version ${rewritten} — Long rewrite` });
  await chair.page.getByRole("button", { name: "Compare", exact: true }).click();
  await chair.page.waitForURL(new RegExp(`from=${long}&to=${rewritten}`));
  await expect(chair.page.getByRole("note").filter({ hasText: "Too large to compare word by word; showing paragraph changes." })).toBeVisible();
  const differences = chair.page.getByRole("region", { name: "Differences" });
  const inserted = differences.getByRole("insertion").filter({ hasText: rewrite.slice(0, 80) });
  await expect(inserted).toHaveCount(1);
  await expect(inserted).toHaveAttribute("title", "inserted by Republic of Korea");
  await expect(differences.getByRole("deletion").filter({ hasText: draft.slice(0, 80) })).toHaveCount(1);
  await expect(chair.page.getByRole("list", { name: "Legend" })).toContainText("inserted by Republic of Korea");

  for (const tab of [korea, chair]) await tab.context.close();
});
