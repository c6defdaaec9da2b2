import { describe, expect, it } from "vitest";
import { contentDisposition, exportFileName, slugPart } from "./file-name.ts";

describe("exportFileName", () => {
  it.each([
    [["Regional Workshop", "SME financing", "v7"], "docx", "regional-workshop-sme-financing-v7.docx", "regional-workshop-sme-financing-v7.docx"],
    [["東アジア会議", "中小企业融资", "v2"], "pdf", "東アジア会議-中小企业融资-v2.pdf", "v2.pdf"],
    [["Hà Nội talks", "Ưu tiên", "live"], "md", "hà-nội-talks-ưu-tiên-live.md", "ha-noi-talks-uu-tien-live.md"],
    [["../../etc/passwd", 'a:b*c?"<>|', "v1"], "docx", "etc-passwd-a-b-c-v1.docx", "etc-passwd-a-b-c-v1.docx"],
    [["", "   ", ""], "pdf", "accord.pdf", "accord.pdf"],
  ])("%j.%s → %s", (parts, ext, name, ascii) => {
    expect(exportFileName(parts, ext)).toEqual({ name, ascii });
  });

  it("bounds each part's length", () => {
    expect([...slugPart("x".repeat(500))].length).toBe(60);
  });

  it("never lets a control character or separator through", () => {
    const { name } = exportFileName(["a\u0000b\nc/d\\e"], "md");
    expect(name).toBe("a-b-c-d-e.md");
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII name and the UTF-8 one percent-encoded", () => {
    expect(contentDisposition({ name: "会議-v1.docx", ascii: "v1.docx" })).toBe(`attachment; filename="v1.docx"; filename*=UTF-8''%E4%BC%9A%E8%AD%B0-v1.docx`);
  });
});
