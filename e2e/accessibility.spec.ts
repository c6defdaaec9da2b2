// Every page, for every role that can open it, checked by axe at WCAG 2.2 AA: any violation
// fails (with its rule, the offending elements and how to fix them in the message). Pages that a
// role may not open are checked as that role sees them (the 403/404 pages).
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, signIn } from "./fixtures/auth";
import { REVIEW_WORKSHOP } from "./fixtures/review-workshop";
import { SAVED, SYNC_TIMEOUT } from "./fixtures/proposal";
import { expectNoViolations } from "./fixtures/axe";

/** Opens a page and waits until it has settled (live parts connected), then checks it. */
async function check(page: Page, path: string, what: string, ready?: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  if (ready) await ready(page);
  await expectNoViolations(page, what);
}

const editorReady = async (page: Page) => {
  await expect(page.getByText(SAVED).or(page.getByRole("status").filter({ hasText: /read-only|locked|vote/i })).first()).toBeVisible({ timeout: SYNC_TIMEOUT });
};

test("the check fails on a page with violations (it cannot pass by looking at nothing)", async ({ page }) => {
  await page.setContent('<html lang="en"><head><title>t</title></head><body><main><img src="x.png"><input type="text"></main></body></html>');
  await expect(expectNoViolations(page, "a page made to fail")).rejects.toThrow(/image-alt[\s\S]*label|label[\s\S]*image-alt/);
});

test("signed out: sign-in, invite and reset links, 404", async ({ page }) => {
  await check(page, "/sign-in", "sign-in");
  await check(page, "/invite/not-a-real-token", "an unknown invite link");
  await check(page, "/reset/not-a-real-token", "an unknown reset link");
  await check(page, "/no-such-page", "404");
});

for (const role of ["chair", "china", "observer"] as const) {
  test(`every page a ${role === "china" ? "delegate" : role} can open`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, ACCOUNTS[role], DEMO_PASSWORD);
    await expectNoViolations(page, "my workshops");
    await page.getByRole("link", { name: REVIEW_WORKSHOP.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: REVIEW_WORKSHOP.title })).toBeVisible();
    const workshop = new URL(page.url()).pathname;
    await check(page, workshop, "workshop");

    // The proposal while drafting, its history, a version, compare, and the authorship view.
    await page.getByRole("link", { name: REVIEW_WORKSHOP.drafting }).click();
    await editorReady(page);
    const drafting = new URL(page.url()).pathname;
    await expectNoViolations(page, "proposal while drafting");
    const authorship = page.getByRole("button", { name: "Show authorship" });
    if ((await authorship.count()) > 0) {
      await authorship.click();
      await expectNoViolations(page, "proposal with authorship shown");
    }
    await check(page, `${drafting}/history`, "history");
    await check(page, `${drafting}/history/1`, "version 1");
    await check(page, `${drafting}/compare`, "compare");

    // The proposal under vote.
    await page.goto(workshop);
    await page.getByRole("link", { name: REVIEW_WORKSHOP.voting }).click();
    await editorReady(page);
    await expectNoViolations(page, "proposal while voting");

    await check(page, `${workshop}/audit`, role === "chair" ? "audit log" : "audit log (403)");
    await check(page, `${workshop}/manage`, role === "chair" ? "manage workshop" : "manage workshop (403)");
    await check(page, "/account", "account");

    // A real invite link, as the person it is for sees it (here: someone already signed in).
    if (role === "chair") {
      await check(page, `${workshop}/settings`, "workshop settings (Edit details, Archive workshop)");
      await check(page, `${workshop}/proposals/new`, "new proposal");
      await page.goto(`${workshop}/manage`);
      await page.getByRole("region", { name: "Invites" }).getByLabel("Role").selectOption("OBSERVER");
      await page.getByRole("button", { name: "Create invite link" }).click();
      const link = await page.getByLabel(/Invite link/).inputValue();
      await check(page, new URL(link).pathname, "a valid invite link");
    }
  });
}
