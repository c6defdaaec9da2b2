// The interface in the delegates' languages. A browser set to Japanese (in Tokyo) signs in and
// works in Japanese, with times in JST; choosing Korean with "Language" changes the interface at
// once and is remembered on another device; a Chinese-language delegate casts a ballot by its
// Chinese button label. Every name is read from the catalogues, so the spec checks the language
// the interface shows, not a copy of its words.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LANGUAGES_WORKSHOP } from "./fixtures/languages-workshop";

type Catalogue = Record<string, unknown>;

function catalogue(locale: string): Catalogue {
  const dir = join(import.meta.dirname, "..", "messages", locale);
  return Object.fromEntries(readdirSync(dir).map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf8")) as unknown]));
}

/** A plain message by its dotted key ("layout.language"). */
function msg(c: Catalogue, key: string): string {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], c);
  if (typeof value !== "string") throw new Error(`no message ${key}`);
  return value;
}

const ja = catalogue("ja");
const ko = catalogue("ko");
const zh = catalogue("zh-CN");

async function signIn(page: Page, c: Catalogue, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(msg(c, "auth.signIn.email")).fill(email);
  await page.getByLabel(msg(c, "auth.signIn.password")).fill(LANGUAGES_WORKSHOP.password);
  await page.getByRole("button", { name: msg(c, "auth.signIn.submit") }).click();
}

async function context(browser: Browser, locale: string, timezoneId: string): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ locale, timezoneId });
  return { context: ctx, page: await ctx.newPage() };
}

test.describe.configure({ mode: "serial" });

test("a Japanese browser in Tokyo works in Japanese, with times in JST", async ({ browser }) => {
  const { context: ctx, page } = await context(browser, "ja-JP", "Asia/Tokyo");
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await signIn(page, ja, LANGUAGES_WORKSHOP.accounts.japan);
  await expect(page.getByRole("heading", { name: msg(ja, "workshops.list.title") })).toBeVisible();

  // The workshop: its title is data and stays as written; the interface around it is Japanese.
  await page.getByRole("link", { name: LANGUAGES_WORKSHOP.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: LANGUAGES_WORKSHOP.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: msg(ja, "agenda.heading") })).toBeVisible();

  // The proposal under vote: the decision panel and its ballot in Japanese.
  await page.getByRole("link", { name: LANGUAGES_WORKSHOP.proposal }).first().click();
  const decision = page.getByRole("region", { name: msg(ja, "votes.panel.heading") });
  await expect(decision).toBeVisible();
  await expect(decision.getByRole("button", { name: msg(ja, "voteRules.choice.YES"), exact: true })).toBeVisible();

  // History: the versions with their times in Japan Standard Time, written the Japanese way.
  await page.getByRole("link", { name: msg(ja, "proposalPages.proposal.history"), exact: true }).click();
  await expect(page.getByRole("heading", { name: msg(ja, "proposalPages.history.versions") })).toBeVisible();
  const time = page.locator("main time").first();
  await expect(time).toContainText("JST");
  await expect(time).toContainText("年");
  await ctx.close();
});

test("choosing Korean on the Account page changes the interface at once and follows the account to another device", async ({ browser }) => {
  const first = await context(browser, "ja-JP", "Asia/Tokyo");
  await signIn(first.page, ja, LANGUAGES_WORKSHOP.accounts.korea);
  await first.page.getByRole("link", { name: msg(ja, "layout.account"), exact: true }).click();
  await expect(first.page.getByRole("heading", { level: 1, name: msg(ja, "account.page.heading") })).toBeVisible();
  await first.page.getByLabel(msg(ja, "layout.language")).selectOption("ko");
  // At once: the same page, now in Korean.
  await expect(first.page.getByRole("heading", { level: 1, name: msg(ko, "account.page.heading") })).toBeVisible();
  await expect(first.page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(first.page.getByLabel(msg(ko, "layout.language"))).toHaveValue("ko");
  await first.context.close();

  // Another device: a browser set to Japanese, but the account says Korean.
  const second = await context(browser, "ja-JP", "Asia/Seoul");
  await signIn(second.page, ja, LANGUAGES_WORKSHOP.accounts.korea);
  await expect(second.page.getByRole("heading", { name: msg(ko, "workshops.list.title") })).toBeVisible();
  await expect(second.page.locator("html")).toHaveAttribute("lang", "ko");
  await second.context.close();
});

test("a Chinese-language delegate casts the delegation's ballot by its Chinese label", async ({ browser }) => {
  const { context: ctx, page } = await context(browser, "zh-CN", "Asia/Shanghai");
  await signIn(page, zh, LANGUAGES_WORKSHOP.accounts.china);
  await expect(page.getByRole("heading", { name: msg(zh, "workshops.list.title") })).toBeVisible();
  await page.getByRole("link", { name: LANGUAGES_WORKSHOP.title }).click();
  await page.getByRole("link", { name: LANGUAGES_WORKSHOP.proposal }).first().click();
  const decision = page.getByRole("region", { name: msg(zh, "votes.panel.heading") });
  const yes = decision.getByRole("button", { name: msg(zh, "voteRules.choice.YES"), exact: true });
  await yes.click();
  await expect(yes).toHaveAttribute("aria-pressed", "true");
  await ctx.close();
});
