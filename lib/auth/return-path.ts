/**
 * Where to go after signing in: a path of this site only (never `//host`,
 * `/\host` or a URL elsewhere), else the new-chat page.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//")) return "/";
  // Browsers read a backslash as a slash, and drop tabs and newlines.
  const unsafe = [...value].some(
    (character) => character === "\\" || character.charCodeAt(0) < 0x20,
  );
  return unsafe ? "/" : value;
}

/** The sign-in page, remembering where the visitor was going. */
export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path === "/"
    ? "/sign-in"
    : `/sign-in?next=${encodeURIComponent(path)}`;
}
