const allowedProtocols = new Set(["http:", "https:", "mailto:"]);

/**
 * The URL a link from model output may point to, or undefined to leave the
 * element without one. Anything but web and mail links is dropped, including
 * relative paths that would land inside Parley; in-page fragments stay for
 * footnotes.
 */
export function safeUrl(value: string): string | undefined {
  if (value.startsWith("#")) return value;
  try {
    // The URL parser strips the tabs and newlines that hide "javascript:".
    const url = new URL(value);
    return allowedProtocols.has(url.protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function isExternal(url: string): boolean {
  return url.startsWith("http:") || url.startsWith("https:");
}
