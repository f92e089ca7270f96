import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedConversation } from "@/components/share/shared-conversation";
import { incrementShareLinkViewsByToken } from "@/lib/db/share-links";
import { ParleyError } from "@/lib/errors";
import { resolveShare } from "@/lib/share/shared-view";
import { describeSharedView } from "@/lib/share/view";

// Revoking or expiry must take effect on the next request: nothing cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

// One read per request, shared by the metadata and the page.
const loadShare = cache(async (token: string) => {
  try {
    return await resolveShare({ token });
  } catch (error) {
    if (error instanceof ParleyError && error.code === "not_found:share") {
      return null;
    }
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const share = await loadShare((await params).token);
  if (!share) return { title: "Not found · Parley", robots: { index: false } };
  const title = share.view.title || "Shared conversation";
  const description = describeSharedView(share.view);
  return {
    title: `${title} · Parley`,
    description,
    openGraph: { title, description, type: "article" },
    robots: share.link.indexable ? undefined : { index: false, follow: false },
  };
}

export default async function SharedPage({ params }: Props) {
  const { token } = await params;
  const share = await loadShare(token);
  if (!share) notFound();
  // Counted here, not in generateMetadata: one view per page render.
  await incrementShareLinkViewsByToken({ token });
  return <SharedConversation token={token} view={share.view} />;
}
