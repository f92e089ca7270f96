import { parseErrorBody } from "@/lib/errors";
import type { ShareLinkInfo, ShareMode } from "@/lib/share/link";

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: "no-store", ...init });
  const text = await response.text();
  if (!response.ok) {
    throw (
      parseErrorBody(text) ?? new Error(`Request failed (${response.status}).`)
    );
  }
  return JSON.parse(text) as T;
}

export async function fetchShareLinks(
  conversationId?: string,
): Promise<ShareLinkInfo[]> {
  const url = conversationId
    ? `/api/conversations/${conversationId}/shares`
    : "/api/shares";
  return (await call<{ links: ShareLinkInfo[] }>(url)).links;
}

export async function postShareLink(
  conversationId: string,
  body: {
    mode: ShareMode;
    expiresAt: string | null;
    includeSystemPrompt: boolean;
    indexable: boolean;
  },
): Promise<ShareLinkInfo> {
  const result = await call<{ link: ShareLinkInfo }>(
    `/api/conversations/${conversationId}/shares`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  );
  return result.link;
}

export async function deleteShareLink(token: string): Promise<ShareLinkInfo> {
  const result = await call<{ link: ShareLinkInfo }>(`/api/shares/${token}`, {
    method: "DELETE",
  });
  return result.link;
}
