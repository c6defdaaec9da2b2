// Outcomes people can take home: "Download" on the live text and on a version (Word, PDF,
// Markdown, with the paper size remembered), "Download redline" on Compare, and the workshop's
// "Outcome record" (its JSON checked by the server, and caught when tampered with); observers get
// the record only once the chair allows it. Everything through the interface, by accessible names.
//
// Other specs edit "Urban diplomacy…" (live drafting) and "Industrial-chain security…" (history)
// and vote on the public-health text (decisions, before this one): this one reads the SME text,
// which nobody touches after it, and adds one sentence and one named version to it for the redline.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ACCOUNTS, DEMO_WORKSHOP_TITLE, signIn } from "./fixtures/auth";
import { expectNoViolations } from "./fixtures/axe";
import { SAVED, SYNC_TIMEOUT, expectOpened, openProposal, textbox } from "./fixtures/proposal";

const PROPOSAL = "SME financing and capital-chain continuity";
/** A sentence of the seeded text in one plain run (no bold, italic or bracket inside it). */
const SENTENCE = "for particular attention to the continuity of payments between large manufacturers and their smaller suppliers";
const ADDED = " The Parties will review these measures after twelve months.";
const OBSERVERS_MAY = "Observers may download the outcome record";

/** lib/export/file-name.ts's slug: letters and digits of any script, everything else one hyphen. */
const slug = (text: string) =>
  text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
/** Text compared without its whitespace: a PDF breaks lines wherever the page ends them. */
const squash = (text: string) => text.replace(/\s+/g, "");

type Downloaded = { name: string; bytes: Buffer };

/** Opens the disclosure `menu` if it is closed (again if a click came before the page was hydrated). */
async function openMenu(page: Page, menu: string): Promise<void> {
  const button = page.getByRole("button", { name: menu, exact: true });
  await expect(async () => {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass();
}

/** Opens the disclosure `menu` (if closed), follows its `format` link and answers the saved file. */
async function download(page: Page, menu: string, format: string): Promise<Downloaded> {
  await openMenu(page, menu);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: format, exact: true }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

async function docxParts(bytes: Buffer): Promise<{ document: string; text: string; footers: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file("word/document.xml")!.async("string");
  const footers = await Promise.all(zip.file(/^word\/footer\d*\.xml$/).map((f) => f.async("string")));
  // The words as Word shows them: the text runs joined (formatting splits a sentence into runs).
  const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  return { document, text, footers };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : " ");
    text += "\n";
  }
  await pdf.destroy();
  return text;
}

/** Signed in on the demo workshop's page. */
async function openWorkshop(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  await page.getByRole("link", { name: DEMO_WORKSHOP_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
  return page;
}

test.describe.configure({ mode: "serial" });

test("a delegate downloads the live text as Word, PDF and Markdown", async ({ browser }) => {
  const { page } = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const button = page.getByRole("button", { name: "Download", exact: true });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await openMenu(page, "Download");
  // The panel the button controls holds the links, the paper size and (a delegation's member) the comments choice.
  const panel = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
  await expect(panel).toBeVisible();
  const paper = panel.getByRole("radiogroup", { name: "Paper size" });
  await expect(paper.getByRole("radio", { name: "A4" })).toBeChecked();
  await expect(panel.getByRole("link", { name: "Word (.docx)" })).toHaveAttribute("href", /paper=A4/);
  const comments = panel.getByRole("checkbox", { name: "Include my delegation’s internal comments" });
  await expect(comments).not.toBeChecked();
  await expect(panel.getByRole("link", { name: "PDF" })).not.toHaveAttribute("href", /comments=delegation/);
  await comments.check();
  await expect(panel.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /comments=delegation/);
  await comments.uncheck();

  const titleSlug = slug(PROPOSAL);
  const word = await download(page, "Download", "Word (.docx)");
  expect(word.name).toMatch(/\.docx$/);
  expect(word.name).toContain(titleSlug);
  const docx = await docxParts(word.bytes);
  expect(docx.text).toContain(SENTENCE);
  expect(docx.footers.some((f) => f.includes("SHA-256"))).toBe(true);

  const pdf = await download(page, "Download", "PDF");
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.name).toContain(titleSlug);
  const text = squash(await pdfText(pdf.bytes));
  expect(text).toContain(squash(PROPOSAL));
  expect(text).toContain(squash(SENTENCE));
  expect(text).toContain("SHA-256");

  const markdown = await download(page, "Download", "Markdown");
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.name).toContain(titleSlug);
  const md = markdown.bytes.toString("utf8");
  expect(md.startsWith(`# ${PROPOSAL}`)).toBe(true);
  expect(md).toContain(SENTENCE);

  // Letter instead of A4: the links follow, and the choice outlives a reload.
  await paper.getByRole("radio", { name: "Letter" }).check();
  await expect(panel.getByRole("link", { name: "PDF" })).toHaveAttribute("href", /paper=LETTER/);
  await page.reload();
  await expectOpened(page);
  await openMenu(page, "Download");
  await expect(page.getByRole("radio", { name: "Letter" })).toBeChecked();
  await expect(page.getByRole("link", { name: "Word (.docx)" })).toHaveAttribute("href", /paper=LETTER/);
  await page.getByRole("radio", { name: "A4" }).check();
  await page.context().close();
});

test("the chair and observers are not offered a delegation's comments", async ({ browser }) => {
  for (const email of [ACCOUNTS.chair, ACCOUNTS.observer]) {
    const { page, context } = await openProposal(browser, email, PROPOSAL);
    await openMenu(page, "Download");
    await expect(page.getByRole("link", { name: "Markdown" })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Include my delegation’s internal comments" })).toHaveCount(0);
    await context.close();
  }
});

test("a version's PDF carries that version's hash", async ({ browser }) => {
  const { page, context } = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  await page.getByRole("link", { name: "History", exact: true }).click();
  await page.getByRole("link", { name: "Version 1 — Starting draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Starting draft/ })).toBeVisible();

  const pdf = await download(page, "Download", "PDF");
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(pdf.name).toContain(slug(PROPOSAL));
  expect(pdf.name).toContain("v1");
  const text = squash(await pdfText(pdf.bytes));
  expect(text).toContain(squash(SENTENCE));
  expect(text).toContain(squash("Version 1"));
  expect(text).toContain(squash("Version hash (SHA-256)"));
  // The page shows the hash (if it does): the footer's is the same.
  const shown = /\b[0-9a-f]{64}\b/.exec(await page.locator("main").innerText())?.[0];
  if (shown) expect(text).toContain(shown);
  else expect(text).toMatch(/[0-9a-f]{64}/);

  const word = await download(page, "Download", "Word (.docx)");
  const docx = await docxParts(word.bytes);
  expect(docx.text).toContain(SENTENCE);
  expect(docx.footers.some((f) => f.includes("SHA-256"))).toBe(true);
  await context.close();
});

test("Compare offers the redline, with tracked changes", async ({ browser }) => {
  test.setTimeout(120_000);
  // China adds a sentence; the chair names the text as a version.
  const china = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  await expect(china.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });
  await textbox(china.page).focus();
  await china.page.keyboard.press("Control+End");
  await china.page.keyboard.type(ADDED);
  await expect(textbox(china.page)).toContainText(ADDED.trim());
  await expect(china.page.getByText(SAVED)).toBeVisible({ timeout: SYNC_TIMEOUT });

  const chair = await openProposal(browser, ACCOUNTS.chair, PROPOSAL);
  await expect(textbox(chair.page)).toContainText(ADDED.trim(), { timeout: SYNC_TIMEOUT });
  await chair.page.getByLabel("Version name").fill("With review clause");
  await chair.page.getByRole("button", { name: "Save version" }).click();
  const saved = chair.page.getByRole("status").filter({ hasText: /Saved as version \d+\./ });
  await expect(saved).toBeVisible();
  const number = Number(/version (\d+)/.exec((await saved.textContent()) ?? "")?.[1]);

  await chair.page.getByRole("link", { name: "Compare", exact: true }).click();
  await expect(chair.page.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
  await chair.page.getByLabel("From version").selectOption({ label: "Version 1 — Starting draft" });
  await chair.page.getByLabel("To version").selectOption({ label: `Version ${number} — With review clause` });
  await chair.page.getByRole("button", { name: "Compare", exact: true }).click();
  await chair.page.waitForURL(new RegExp(`from=1&to=${number}`));

  await openMenu(chair.page, "Download redline");
  // Word and PDF only: a redline has no Markdown, and no comments.
  await expect(chair.page.getByRole("link", { name: "Markdown" })).toHaveCount(0);
  await expect(chair.page.getByRole("checkbox", { name: "Include my delegation’s internal comments" })).toHaveCount(0);
  const word = await download(chair.page, "Download redline", "Word (.docx)");
  expect(word.name).toMatch(/\.docx$/);
  expect(word.name).toContain(slug(PROPOSAL));
  const docx = await docxParts(word.bytes);
  expect(docx.document).toMatch(/<w:ins\b|<w:del\b/);
  expect(docx.text).toContain(ADDED.trim());
  const pdf = await download(chair.page, "Download redline", "PDF");
  expect(pdf.name).toMatch(/\.pdf$/);
  expect(squash(await pdfText(pdf.bytes))).toContain(squash(ADDED));

  // One version against itself: nothing to redline.
  await chair.page.getByLabel("From version").selectOption({ label: `Version ${number} — With review clause` });
  await chair.page.getByRole("button", { name: "Compare", exact: true }).click();
  await chair.page.waitForURL(new RegExp(`from=${number}&to=${number}`));
  await expect(chair.page.getByRole("button", { name: "Download redline", exact: true })).toHaveCount(0);
  await china.context.close();
  await chair.context.close();
});

test("the outcome record's JSON checks out, and a tampered copy does not", async ({ browser }) => {
  const page = await openWorkshop(browser, ACCOUNTS.china);
  await openMenu(page, "Outcome record");
  await expect(page.getByText("Anyone can check the JSON file against this workshop’s history.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Word (.docx)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF" })).toBeVisible();

  const json = await download(page, "Outcome record", "JSON");
  expect(json.name).toMatch(/\.json$/);
  const record = JSON.parse(json.bytes.toString("utf8")) as { format: string; entries: Array<{ proposal: { title: string } }> };
  expect(record.format).toBe("accord-outcome-record/1");
  expect(record.entries.length).toBeGreaterThan(0);

  // The file as it was downloaded, byte for byte.
  const intact = await page.request.post("/api/outcome-records/verify", { data: json.bytes.toString("utf8"), headers: { "Content-Type": "application/json" } });
  expect(intact.ok()).toBe(true);
  expect(((await intact.json()) as { intact: boolean }).intact).toBe(true);

  const tampered = structuredClone(record);
  tampered.entries[0]!.proposal.title += " (amended after the fact)";
  const broken = await page.request.post("/api/outcome-records/verify", { data: JSON.stringify(tampered), headers: { "Content-Type": "application/json" } });
  expect(((await broken.json()) as { intact: boolean }).intact).toBe(false);

  // Word and PDF too.
  const word = await download(page, "Outcome record", "Word (.docx)");
  expect(word.name).toMatch(/\.docx$/);
  const pdf = await download(page, "Outcome record", "PDF");
  expect(pdf.name).toMatch(/\.pdf$/);
  await page.context().close();
});

test("observers get the outcome record once the chair allows it", async ({ browser }) => {
  const observer = await openWorkshop(browser, ACCOUNTS.observer);
  await expect(observer.getByRole("button", { name: "Outcome record", exact: true })).toHaveCount(0);

  const chair = await openWorkshop(browser, ACCOUNTS.chair);
  await expect(chair.getByRole("button", { name: "Outcome record", exact: true })).toBeVisible();
  await chair.getByRole("link", { name: "Edit details" }).click();
  await expect(chair.getByRole("heading", { level: 1, name: "Workshop settings" })).toBeVisible();
  const allow = chair.getByRole("checkbox", { name: OBSERVERS_MAY });
  await expect(allow).not.toBeChecked();
  await allow.check();
  await chair.getByRole("button", { name: "Save details" }).click();
  await expect(chair.getByRole("status").filter({ hasText: "Details saved." })).toBeVisible();
  await expect(allow).toBeChecked();

  await observer.reload();
  await expect(observer.getByRole("button", { name: "Outcome record", exact: true })).toBeVisible();
  const json = await download(observer, "Outcome record", "JSON");
  expect((JSON.parse(json.bytes.toString("utf8")) as { format: string }).format).toBe("accord-outcome-record/1");

  // Back as it was, for the specs after this one: observers lose the button again.
  await allow.uncheck();
  await chair.getByRole("button", { name: "Save details" }).click();
  // (The status still says "Details saved." from the first save: wait on the observer's page instead.)
  await expect(async () => {
    await observer.reload();
    await expect(observer.getByRole("heading", { level: 1, name: DEMO_WORKSHOP_TITLE })).toBeVisible();
    await expect(observer.getByRole("button", { name: "Outcome record", exact: true })).toHaveCount(0, { timeout: 1_000 });
  }).toPass();
  await observer.context().close();
  await chair.context().close();
});

test("the Download menu is accessible: keyboard, Escape, axe", async ({ browser }) => {
  const { page, context } = await openProposal(browser, ACCOUNTS.china, PROPOSAL);
  const button = page.getByRole("button", { name: "Download", exact: true });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  // Tab moves into the panel: the first link has the focus, visibly.
  await page.keyboard.press("Tab");
  const word = page.getByRole("link", { name: "Word (.docx)" });
  await expect(word).toBeFocused();
  expect(await word.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await expectNoViolations(page, "the proposal page with the Download menu open");
  // Escape closes it and gives the focus back to the button.
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  await expect(word).toBeHidden();
  await context.close();
});
