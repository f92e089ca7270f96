import { type ExportedConversation, toExportFile } from "./format";
import { conversationsToMarkdown } from "./markdown";

export const exportFormats = ["json", "markdown"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** An export as a file download: JSON (complete) or Markdown (readable). */
export function exportResponse({
  conversations,
  format,
  name,
}: {
  conversations: ExportedConversation[];
  format: ExportFormat;
  /** What the file is named after: a conversation's title, or "all". */
  name: string;
}): Response {
  const date = new Date().toISOString().slice(0, 10);
  const extension = format === "json" ? "json" : "md";
  const filename = `parley-${slug(name)}-${date}.${extension}`;
  const body =
    format === "json"
      ? JSON.stringify(toExportFile(conversations), null, 2)
      : conversationsToMarkdown(conversations);
  return new Response(body, {
    headers: {
      "content-type":
        format === "json"
          ? "application/json; charset=utf-8"
          : "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

/** A file-name-safe form of a title: ASCII letters, digits and dashes. */
export function slug(text: string): string {
  const value = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return value || "conversation";
}
