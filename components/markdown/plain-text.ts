/**
 * What a reply reads as before the Markdown renderer has loaded: the text
 * without the markers a person would otherwise see flash by (emphasis,
 * inline code, headings, fences). Nothing is parsed; it only has to read
 * well for the moment until the real rendering replaces it.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s*(`{3,}|~{3,}).*$/gm, "")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\*\*|__|~~|`/g, "");
}
