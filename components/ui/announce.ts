// One polite live region for the whole page, for results that have no visible home of their
// own to carry role="status" ("Drafting locked", "Ballot cast"). Created on first use.
const REGION_ID = "accord-announcer";

function region(): HTMLElement | null {
  if (typeof document === "undefined") return null;
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement("div");
    el.id = REGION_ID;
    el.setAttribute("role", "status");
    el.setAttribute("aria-live", "polite");
    el.setAttribute("aria-atomic", "true");
    el.className = "sr-only";
    document.body.append(el);
  }
  return el;
}

/** Says `message` to screen readers, once (the same words twice in a row are said again). */
export function announce(message: string): void {
  const el = region();
  if (!el) return;
  el.textContent = "";
  // A change after the emptying is what screen readers pick up.
  requestAnimationFrame(() => {
    el.textContent = message;
  });
}
