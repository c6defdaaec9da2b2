// Renders a ProseMirror JSON document read-only. React escapes every string, so text that
// looks like markup shows as text.
import type { ReactNode } from "react";
import type { PmJson } from "@/lib/document/convert";

function renderInline(node: PmJson, key: number): ReactNode {
  if (node.type === "hardBreak") return <br key={key} />;
  let out: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.type === "strike") out = <s>{out}</s>;
    else if (mark.type === "underline") out = <u>{out}</u>;
    else if (mark.type === "code") out = <code>{out}</code>;
  }
  return <span key={key}>{out}</span>;
}

function renderBlock(node: PmJson, key: number): ReactNode {
  const children = (node.content ?? []).map((c, i) => (c.type === "text" || c.type === "hardBreak" ? renderInline(c, i) : renderBlock(c, i)));
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading":
      return node.attrs?.level === 2 ? <h2 key={key}>{children}</h2> : <h3 key={key}>{children}</h3>;
    case "orderedList":
      return (
        <ol key={key} start={typeof node.attrs?.start === "number" ? node.attrs.start : undefined}>
          {children}
        </ol>
      );
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    default:
      return <div key={key}>{children}</div>;
  }
}

export function ProposalText({ doc }: { doc: PmJson }) {
  return <>{(doc.content ?? []).map(renderBlock)}</>;
}
