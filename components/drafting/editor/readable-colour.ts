// A delegation's colour, made legible as text on the white sheet. Delegation colours are chosen
// freely (a pale yellow is allowed); brackets and options are drawn in them as text, so a colour
// too light for 4.5:1 against white (WCAG AA) is darkened, keeping its hue, until it is not.
import { amendmentColour } from "@/components/amendments/amendment-words";

function channels(hex: string): [number, number, number] | null {
  let h = hex.replace(/^#/, "");
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join("");
  if (h.length !== 6 && h.length !== 8) return null;
  const n = Number.parseInt(h.slice(0, 6), 16);
  return Number.isNaN(n) ? null : [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio of a colour against white. */
export function contrastOnWhite(hex: string): number {
  const c = channels(hex);
  return c ? 1.05 / (luminance(c) + 0.05) : 1;
}

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, "0");

/** `hex` as is when it reads on white at `min`:1, else darkened just enough. */
export function readableOnWhite(hex: string, min = 4.5): string {
  const c = channels(hex);
  if (!c) return hex;
  if (contrastOnWhite(hex) >= min) return hex.length === 4 || hex.length === 5 ? `#${c.map(hex2).join("")}` : hex.slice(0, 7);
  for (let k = 0.95; k > 0; k -= 0.05) {
    const darker = c.map((v) => v * k) as [number, number, number];
    const out = `#${darker.map(hex2).join("")}`;
    if (contrastOnWhite(out) >= min) return out;
  }
  return "#000000";
}

/** The text colour of what a delegation placed or proposed (the chair's when none). A margin
 * above 4.5:1, for the light tints it may sit on (the paragraph being read, an amendment). */
export function delegationTextColour(delegation: { colour: string } | null | undefined): string {
  return readableOnWhite(amendmentColour(delegation), 5);
}
