// An organiser who never saw the demo, on an instance started the production way
// (ACCORD_SKIP_SEED=1, empty database): an administrator made with the CLI creates a workshop,
// imports a starting draft from .docx, invites people who join and draft; the chair removes a
// delegate whose editor is open; a delegate changes their password; a Tokyo browser sees
// Tokyo times. Everything is made through the app (and its CLI), nothing by hand.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { EMPTY_DATABASE_URL, EMPTY_PORT } from "../playwright.config";
import { SAVED, SYNC_TIMEOUT, expectOpened, textbox } from "./fixtures/proposal";

const BASE = `http://localhost:${EMPTY_PORT}`;
const DOCX = fileURLToPath(new URL("./fixtures/starting-draft.docx", import.meta.url));
const ADMIN = { email: "organiser@ministry.example", name: "Mei Organiser", password: "organiser-passphrase-1" };
const WORKSHOP = "Northeast Asia Supply-Chain Dialogue";
const PROPOSAL = "Joint port health protocol";
// The fixture's paragraphs, kept exactly through the import.
const CHINESE = "各方同意建立区域公共卫生应急合作机制，共享疫情信息。";
const JAPANESE = "締約国は、中小企業の資金繰りを支援するため協力する。";

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My workshops" })).toBeVisible();
}

async function newContext(browser: Browser, opts: { timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE, timezoneId: opts.timezoneId ?? "Europe/London" });
  return { context, page: await context.newPage() };
}

/** The chair makes an invite link on "Manage workshop" and answers it. */
async function inviteLink(chair: Page, role: "DELEGATE" | "OBSERVER", delegation?: string): Promise<string> {
  // Scoped to the invites: each member's row has its own "Role" and "Delegation" too.
  const invites = chair.getByRole("region", { name: "Invites" });
  await invites.getByLabel("Role").selectOption(role);
  if (delegation) await invites.getByLabel("Delegation", { exact: true }).selectOption({ label: delegation });
  // The previous link stays on screen until the new one arrives: wait for it to change.
  const shown = chair.getByLabel(/Invite link/);
  const previous = (await shown.count()) > 0 ? await shown.inputValue() : "";
  await chair.getByRole("button", { name: "Create invite link" }).click();
  await expect(shown).not.toHaveValue(previous);
  const link = await shown.inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  return link;
}

async function join(page: Page, link: string, person: { name: string; email: string; password: string }): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "You are invited" })).toBeVisible();
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKSHOP })).toBeVisible();
}

async function openTheProposal(page: Page): Promise<void> {
  await page.goto("/workshops");
  await page.getByRole("link", { name: WORKSHOP }).click();
  await page.getByRole("link", { name: PROPOSAL }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROPOSAL })).toBeVisible();
  await expectOpened(page);
}

const LIU = { name: "Liu Yang", email: "liu.yang@mofcom.example", password: "liu-first-password" };
const KIMURA = { name: "Kimura Aoi", email: "kimura.aoi@meti.example", password: "kimura-first-password" };
const PARK = { name: "Park Jisoo", email: "park.jisoo@observer.example", password: "park-observer-password" };

test("from an empty database to a drafting session: CLI admin, workshop, imported draft, invites, removal, password, time zones", async ({ browser }) => {
  test.setTimeout(180_000);

  // The instance is empty and says nothing of a demo.
  const chairTab = await newContext(browser);
  const chair = chairTab.page;
  await chair.goto("/sign-in");
  await expect(chair.getByText(/demonstration instance/i)).toHaveCount(0);

  // The operator brings it to life from the command line (password on stdin).
  const cli = spawnSync("npm", ["run", "--silent", "accord", "--", "create-admin", "--email", ADMIN.email, "--name", ADMIN.name], {
    input: `${ADMIN.password}\n`,
    env: { ...process.env, DATABASE_URL: EMPTY_DATABASE_URL },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(cli.status, cli.stderr).toBe(0);

  // The administrator creates a workshop and becomes its chair.
  await signIn(chair, ADMIN.email, ADMIN.password);
  await chair.getByRole("link", { name: "New workshop" }).click();
  await chair.getByLabel("Title").fill(WORKSHOP);
  await chair.getByLabel("Description").fill("Officials from China and Japan draft a joint protocol on port health checks.");
  await chair.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await chair.getByRole("button", { name: "Create workshop" }).click();
  await expect(chair.getByRole("heading", { level: 1, name: WORKSHOP })).toBeVisible();

  // Two delegations.
  await chair.getByRole("link", { name: "Manage workshop" }).click();
  for (const [name, code] of [["China", "CHN"], ["Japan", "JPN"]] as const) {
    await chair.getByLabel("Delegation name").fill(name);
    await chair.getByLabel("Code").fill(code);
    await chair.getByRole("button", { name: "Add delegation" }).click();
    await expect(chair.getByRole("region", { name: "Delegations" }).getByText(name, { exact: true })).toBeVisible();
  }
  const manageUrl = chair.url();

  // A proposal whose starting text is imported from a .docx with Chinese and Japanese paragraphs.
  await chair.getByRole("link", { name: WORKSHOP }).first().click();
  await chair.getByRole("link", { name: "New proposal" }).click();
  await chair.getByLabel("Title").fill(PROPOSAL);
  await chair.getByLabel("Summary").fill("Health checks at paired ports, shared alerts.");
  await chair.getByLabel("Import text").setInputFiles(DOCX);
  await chair.getByRole("button", { name: "Create proposal" }).click();
  await expect(chair.getByRole("heading", { level: 1, name: PROPOSAL })).toBeVisible();
  await expect(textbox(chair)).toContainText(CHINESE);
  await expect(textbox(chair)).toContainText(JAPANESE);

  // Two delegates and an observer are invited and join (the observer's browser is in Tokyo).
  await chair.goto(manageUrl);
  const liuLink = await inviteLink(chair, "DELEGATE", "China");
  const kimuraLink = await inviteLink(chair, "DELEGATE", "Japan");
  const parkLink = await inviteLink(chair, "OBSERVER");
  const liuTab = await newContext(browser);
  const kimuraTab = await newContext(browser);
  const parkTab = await newContext(browser, { timezoneId: "Asia/Tokyo" });
  await join(liuTab.page, liuLink, LIU);
  await join(kimuraTab.page, kimuraLink, KIMURA);
  await join(parkTab.page, parkLink, PARK);

  // The delegates draft.
  await openTheProposal(liuTab.page);
  await openTheProposal(kimuraTab.page);
  await textbox(liuTab.page).focus();
  await liuTab.page.keyboard.press("Control+End");
  await liuTab.page.keyboard.type(" China proposes shared alerts.");
  await expect(textbox(kimuraTab.page)).toContainText("China proposes shared alerts.", { timeout: SYNC_TIMEOUT });
  await expect(liuTab.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });

  // The chair removes Kimura while Kimura's editor is open: that tab loses access at once.
  await chair.goto(manageUrl);
  const kimuraRow = chair.getByRole("row", { name: new RegExp(KIMURA.name) });
  await kimuraRow.getByRole("button", { name: "Remove member" }).click();
  // The confirm step stays in the row: a group asking the question, its own "Remove member".
  await kimuraRow.getByRole("group", { name: `Remove ${KIMURA.name} from this workshop?` }).getByRole("button", { name: "Remove member" }).click();
  await expect(chair.getByRole("row", { name: new RegExp(KIMURA.name) })).toHaveCount(0);
  // Said where the editor's state is said (and in the page's banner).
  await expect(kimuraTab.page.getByRole("status").filter({ hasText: "You no longer have access to this workshop." })).toBeVisible({ timeout: 2_000 });
  await expect(textbox(kimuraTab.page)).toHaveAttribute("contenteditable", "false");
  // What Kimura's delegation already wrote stays; Kimura can no longer open the workshop.
  await kimuraTab.page.goto("/workshops");
  await expect(kimuraTab.page.getByRole("link", { name: WORKSHOP })).toHaveCount(0);

  // Liu changes their password: the old one stops working, the new one works.
  const liu = liuTab.page;
  await liu.getByRole("link", { name: "Account" }).click();
  await liu.getByLabel("Current password").fill(LIU.password);
  await liu.getByLabel("New password").fill("liu-second-password");
  await liu.getByRole("button", { name: "Change password" }).click();
  await expect(liu.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  const again = await newContext(browser);
  await again.page.goto("/sign-in");
  await again.page.getByLabel("Email").fill(LIU.email);
  await again.page.getByLabel("Password").fill(LIU.password);
  await again.page.getByRole("button", { name: "Sign in" }).click();
  await expect(again.page.getByRole("alert")).toBeVisible();
  await expect(again.page.getByRole("heading", { name: "My workshops" })).toHaveCount(0);
  await signIn(again.page, LIU.email, "liu-second-password");

  // The observer's browser is in Tokyo: the history's times are Tokyo times, and say so.
  const park = parkTab.page;
  await openTheProposal(park);
  await park.getByRole("link", { name: "History", exact: true }).click();
  const starting = park.getByRole("listitem").filter({ has: park.getByRole("link", { name: "Version 1 — Starting draft" }) });
  await expect(starting.locator("time")).toContainText("JST");
  const shown = await starting.locator("time").first().getAttribute("datetime");
  const hourInTokyo = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(shown!));
  await expect(starting.locator("time").first()).toContainText(`${hourInTokyo} JST`);
  // The chair (zone detected as London) sees the same instant in London time.
  await chair.goto(park.url());
  const chairStarting = chair.getByRole("listitem").filter({ has: chair.getByRole("link", { name: "Version 1 — Starting draft" }) });
  await expect(chairStarting.locator("time").first()).not.toContainText("JST");

  for (const tab of [chairTab, liuTab, kimuraTab, parkTab, again]) await tab.context.close();
});

test.describe("the demo instance", () => {
  // The seeded server (playwright.config.ts's first web server), whose accounts use the README's password.
  test.use({ baseURL: `http://localhost:${EMPTY_PORT - 1}` });

  test("says it is a demonstration on the sign-in page and the workshop page", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("note").filter({ hasText: /demonstration instance/i })).toBeVisible();
    await page.getByLabel("Email").fill("chair@accord.example");
    await page.getByLabel("Password").fill("accord-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: /China–Japan Economic/ }).click();
    await expect(page.getByRole("note").filter({ hasText: /demonstration instance/i })).toBeVisible();
  });
});
