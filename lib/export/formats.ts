// The formats a text exports to and how each is served. Apart from the renderers (render.ts) so
// that a route can name a format without loading the layout libraries into its bundle.

export type ExportFormat = "docx" | "pdf" | "md";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
};
