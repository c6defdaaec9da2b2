import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_WORKSHOP_TITLE, signIn } from "./fixtures/auth";
import { OTHER_WORKSHOP } from "./fixtures/other-workshop";

const PROPOSALS = [
  "Regional public-health exchange and cooperation mechanism",
  "SME financing and capital-chain continuity",
  "Urban diplomacy: city-to-city exchange",
  "Industrial-chain security warning and assessment mechanism",
];

test("a wrong password says so and signs nobody in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS.china);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next's route announcer is an alert too: pick ours by its text.)
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.goto("/workshops");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a delegate walks the workshop, the agenda and a proposal", async ({ page }) => {
  await signIn(page, ACCOUNTS.china);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();

  const delegations = page.getByRole("region", { name: "Delegations" });
  for (const name of ["China", "Japan", "Republic of Korea", "ASEAN"]) {
    await expect(delegations.getByText(name, { exact: true }).first()).toBeVisible();
  }
  await expect(delegations.getByText("Li Wei")).toBeVisible();
  for (const title of PROPOSALS) await expect(page.getByRole("link", { name: title })).toBeVisible();
  // Delegates do not manage the workshop.
  await expect(page.getByRole("link", { name: "Manage workshop" })).toHaveCount(0);

  await page.getByRole("link", { name: PROPOSALS[1]! }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROPOSALS[1]! })).toBeVisible();
  const text = page.getByRole("article", { name: "Proposal text" });
  await expect(text).toContainText("Operative clauses");
  await expect(text.getByRole("listitem").first()).toBeVisible();

  // The management page answers 403 for a delegate.
  const workshopUrl = page.url().replace(/\/proposals\/.*$/, "");
  const res = await page.goto(`${workshopUrl}/manage`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/workshops");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a delegate of one workshop cannot see another workshop", async ({ browser }) => {
  // Find the other workshop's addresses as its own member sees them.
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signIn(other, OTHER_WORKSHOP.delegate.email, OTHER_WORKSHOP.delegate.password);
  await expect(other.getByRole("link", { name: DEMO_WORKSHOP_TITLE })).toHaveCount(0);
  await other.getByRole("link", { name: OTHER_WORKSHOP.title }).click();
  await other.waitForURL(/\/workshops\/[^/]+$/);
  const workshopUrl = other.url();
  await other.getByRole("link", { name: OTHER_WORKSHOP.proposal }).click();
  await other.waitForURL(/\/proposals\//);
  const proposalUrl = other.url();
  await otherCtx.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, ACCOUNTS.japan);
  await expect(page.getByRole("link", { name: OTHER_WORKSHOP.title })).toHaveCount(0);
  for (const url of [workshopUrl, proposalUrl, `${workshopUrl}/manage`]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.getByText(OTHER_WORKSHOP.title)).toHaveCount(0);
    await expect(page.getByText(OTHER_WORKSHOP.proposal)).toHaveCount(0);
  }
  await ctx.close();
});

test("the chair reorders the agenda, adds a delegation and invites a delegate who joins", async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.chair);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await page.getByRole("link", { name: "Manage workshop" }).click();
  await expect(page.getByRole("heading", { name: "Manage workshop" })).toBeVisible();

  // Agenda: move the last item up one place.
  const agenda = page.getByRole("region", { name: "Agenda order" });
  await page.getByRole("button", { name: `Move ${PROPOSALS[3]} up` }).click();
  await expect(agenda.getByRole("listitem").nth(2)).toContainText(PROPOSALS[3]!);
  await expect(agenda.getByRole("listitem").nth(3)).toContainText(PROPOSALS[2]!);

  // Delegations
  await page.getByLabel("Delegation name").fill("Singapore");
  await page.getByLabel("Code").fill("sgp");
  await page.getByRole("button", { name: "Add delegation" }).click();
  await expect(page.getByRole("region", { name: "Delegations" }).getByText("Singapore")).toBeVisible();
  // The same code twice is refused with a clear message.
  await page.getByLabel("Delegation name").fill("Singapore again");
  await page.getByLabel("Code").fill("SGP");
  await page.getByRole("button", { name: "Add delegation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();

  // Invite a delegate of Japan (each member's row has its own "Role" and "Delegation" too).
  const invites = page.getByRole("region", { name: "Invites" });
  await invites.getByLabel("Role").selectOption("DELEGATE");
  await invites.getByLabel("Delegation", { exact: true }).selectOption({ label: "Japan" });
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link/).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const ctx = await browser.newContext();
  const guest = await ctx.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "You are invited" })).toBeVisible();
  await guest.getByLabel("Your name").fill("Takahashi Ren");
  await guest.getByLabel("Email").fill("ren.takahashi@accord.example");
  await guest.getByLabel("Password").fill("a-strong-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
  await expect(guest.getByRole("region", { name: "Delegations" }).getByText("Takahashi Ren")).toBeVisible();
  // The agenda order the chair set is what everyone sees.
  const items = guest.getByRole("region", { name: "Agenda" }).getByRole("listitem");
  await expect(items.nth(2)).toContainText(PROPOSALS[3]!);
  await ctx.close();

  // The link was for one person: a second visitor is told so.
  const ctx2 = await browser.newContext();
  const late = await ctx2.newPage();
  await late.goto(link);
  await expect(late.getByRole("heading", { name: "This invite link has already been used" })).toBeVisible();
  await late.goto("/invite/not-a-real-token");
  await expect(late.getByRole("heading", { name: "This invite link is not valid" })).toBeVisible();
  await ctx2.close();

  // The chair sees the invite as used up.
  await page.reload();
  await expect(page.getByRole("cell", { name: "Used up" })).toBeVisible();
});

test("health answers with a database round-trip", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok" });
  // How responsive the process has been (the watchdog runs with the custom server).
  expect(typeof body.eventLoop.recentMaxDelayMs).toBe("number");
  expect(typeof body.eventLoop.p99DelayMs).toBe("number");
});

test("pages carry the security headers: CSP without eval, no framing, same-origin referrer", async ({ request }) => {
  const res = await request.get("/sign-in");
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-eval");
  expect(res.headers()["referrer-policy"]).toBe("same-origin");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
});

test("markup typed as a name shows as text, never as markup", async ({ page }) => {
  await signIn(page, ACCOUNTS.chair);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await page.getByRole("link", { name: "Manage workshop" }).click();
  const hostile = `<img src=x onerror="document.title='pwned'">Atlantis`;
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.getByLabel("Delegation name").fill(hostile);
  await page.getByLabel("Code").fill("ATL");
  await page.getByRole("button", { name: "Add delegation" }).click();
  const delegations = page.getByRole("region", { name: "Delegations" });
  await expect(delegations.getByText(hostile, { exact: true })).toBeVisible();
  await expect(delegations.locator("img")).toHaveCount(0);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByText(hostile, { exact: true }).first()).toBeVisible();
  expect(await page.title()).not.toBe("pwned");
  expect(dialogs).toBe(0);
});
