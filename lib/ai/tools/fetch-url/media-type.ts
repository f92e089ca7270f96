export type TextKind = "html" | "text";

/** `text/html; charset=utf-8` → `text/html`. */
export const mediaType = (header: string) =>
  (header.split(";")[0] ?? "").trim().toLowerCase();

/** How a media type is read, or undefined for types that are not text. */
export function textKind(type: string): TextKind | undefined {
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type.startsWith("text/")) return "text";
  if (/^application\/(?:[\w.-]+\+)?(?:json|xml)$/.test(type)) return "text";
  if (type === "application/javascript") return "text";
  return undefined;
}

function charsetOf(header: string, body: Buffer): string | undefined {
  const declared = /charset\s*=\s*["']?([\w.:-]+)/i.exec(header)?.[1];
  if (declared) return declared;
  // Pages often name their encoding only in a <meta> near the top.
  const head = body.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/** Decodes with the declared charset, UTF-8 when none or unknown. */
export function decodeText(body: Buffer, header: string): string {
  const charset = charsetOf(header, body) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(body).replace(/\r\n?/g, "\n");
}
