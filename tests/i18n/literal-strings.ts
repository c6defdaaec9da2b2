// Finds text a component would show that does not come from the message catalogues: JSX text,
// string literals rendered as children (directly or as a branch of `cond && "…"`, `a ? "…" : "…"`,
// `x ?? "…"`), template literals with words, and the same in the attributes people read or hear
// (aria-label, title, placeholder, alt, label…). What counts as words: any letter of any script.
import ts from "typescript";

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt", "label", "summary"]);

/** Shown as they are in every language: the product's name. */
const ALLOWED = new Set(["Accord"]);

/** Props of our own components that carry words ("submitLabel", "savedMessage", "emptyText"…). */
const WORDY_PROP = /(Label|Message|Title|Text|Heading|Hint|Description|Caption|Question|Confirm)$/;

const LETTER = /\p{L}/u;

export type Literal = { file: string; line: number; text: string };

function hasWords(text: string): boolean {
  const t = text.trim();
  return t !== "" && LETTER.test(t) && !ALLOWED.has(t);
}

/** String-ish values an expression renders: itself, or its branches when it chooses one. */
function renderedLiterals(e: ts.Expression, out: ts.Node[]): void {
  if (ts.isParenthesizedExpression(e)) return renderedLiterals(e.expression, out);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    if (hasWords(e.text)) out.push(e);
    return;
  }
  if (ts.isTemplateExpression(e)) {
    if (hasWords(e.head.text) || e.templateSpans.some((s) => hasWords(s.literal.text))) out.push(e);
    for (const s of e.templateSpans) renderedLiterals(s.expression, out);
    return;
  }
  if (ts.isConditionalExpression(e)) {
    renderedLiterals(e.whenTrue, out);
    renderedLiterals(e.whenFalse, out);
    return;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(e.right, out);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      renderedLiterals(e.left, out);
      renderedLiterals(e.right, out);
      return;
    }
    if (op === ts.SyntaxKind.PlusToken) {
      renderedLiterals(e.left, out);
      renderedLiterals(e.right, out);
    }
  }
}

export function literalStrings(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) renderedLiterals(node.expression, found);
    else if (ts.isJsxAttribute(node) && (READ_ATTRIBUTES.has(node.name.getText(sf)) || WORDY_PROP.test(node.name.getText(sf))) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) {
        if (hasWords(node.initializer.text)) found.push(node.initializer);
      } else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) renderedLiterals(node.initializer.expression, found);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.map((n) => ({ file, line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1, text: n.getText(sf).trim().slice(0, 80) }));
}
