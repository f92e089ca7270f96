export type ShareMode = "snapshot" | "live";

/** A share link as its owner sees it (dialog and settings list). */
export type ShareLinkInfo = {
  token: string;
  url: string;
  mode: ShareMode;
  expiresAt: string | null;
  revokedAt: string | null;
  viewCount: number;
  createdAt: string;
  includeSystemPrompt: boolean;
  indexable: boolean;
  conversationTitle: string;
};

/** "active", "revoked" or "expired", at `now`. */
export function shareLinkState(
  link: Pick<ShareLinkInfo, "expiresAt" | "revokedAt">,
  now = Date.now(),
): "active" | "revoked" | "expired" {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && Date.parse(link.expiresAt) <= now) return "expired";
  return "active";
}
