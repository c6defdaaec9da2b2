// A real .docx, built from its parts: the smallest WordprocessingML package Word and mammoth
// both open — a heading (style "Heading 1"), numbered clauses (a decimal numbering definition),
// bold and italic runs, and Chinese and Japanese paragraphs. The checked-in copy the browser
// tests import, e2e/fixtures/starting-draft.docx, is this package (lib/document/
// import-convert.test.ts checks that they still agree; the bytes are the same on every run).
// JSZip is mammoth's own zip library. To write the fixture again:
//   npx tsx -e 'import("./tests/helpers/docx-fixture.ts").then(async (m) => (await import("node:fs")).writeFileSync("e2e/fixtures/starting-draft.docx", await m.buildDocx()))'

import JSZip from "jszip";

export type DocxParagraph = {
  runs: Array<{ text: string; bold?: boolean; italic?: boolean }>;
  style?: "Heading1" | "Heading2" | "Title";
  /** A numbered clause (the decimal list defined in numbering.xml). */
  isNumbered?: boolean;
};

export const STARTING_DRAFT_PARAGRAPHS: DocxParagraph[] = [
  { style: "Heading1", runs: [{ text: "Regional Public-Health Cooperation Mechanism" }] },
  { runs: [{ text: "The Parties " }, { text: "agree", bold: true }, { text: " to share " }, { text: "early-warning data", italic: true }, { text: " within 24 hours." }] },
  { isNumbered: true, runs: [{ text: "Establish a joint liaison office." }] },
  { isNumbered: true, runs: [{ text: "Hold " }, { text: "quarterly", bold: true }, { text: " expert meetings." }] },
  { runs: [{ text: "各方同意建立区域公共卫生应急合作机制，共享疫情信息。" }] },
  { runs: [{ text: "締約国は、中小企業の資金繰りを支援するため協力する。" }] },
];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function paragraphXml(p: DocxParagraph): string {
  const props = [p.style ? `<w:pStyle w:val="${p.style}"/>` : "", p.isNumbered ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>` : ""].join("");
  const runs = p.runs
    .map((r) => {
      const rPr = r.bold || r.italic ? `<w:rPr>${r.bold ? "<w:b/>" : ""}${r.italic ? "<w:i/>" : ""}</w:rPr>` : "";
      return `<w:r>${rPr}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
    })
    .join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs}</w:p>`;
}

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`;

export async function buildDocx(paragraphs: DocxParagraph[] = STARTING_DRAFT_PARAGRAPHS): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`,
  );
  zip.file(
    "word/numbering.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${paragraphs.map(paragraphXml).join("")}</w:body></w:document>`,
  );
  // A fixed date on every entry: the same paragraphs always make the same bytes.
  const date = new Date("2026-01-01T00:00:00Z");
  zip.forEach((_, file) => void (file.date = date));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
