import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Chat } from "@/components/chat/chat";
import { tools } from "@/lib/ai/tools";
import { requirePageUser } from "@/lib/auth/session";
import { loadThread } from "@/lib/chat/branch";
import { getConversationById } from "@/lib/db/conversations";
import { readSettings } from "@/lib/settings/schema";
import { conversationIdSchema } from "../../api/chat/schema";

type Props = { params: Promise<{ id: string }> };

async function loadConversation(id: string) {
  const user = await requirePageUser();
  if (!conversationIdSchema.safeParse(id).success) return null;
  return getConversationById({ id, userId: user.id });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await loadConversation((await params).id);
  return { title: conversation ? `${conversation.title} · Parley` : "Parley" };
}

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const conversation = await loadConversation(id);
  if (!conversation) notFound();
  const thread = await loadThread({
    conversationId: id,
    userId: conversation.userId,
  });
  if (!thread) notFound();
  return (
    <Chat
      key={id}
      id={id}
      initialMessages={thread.messages}
      initialVersions={thread.versions}
      setup={{
        model: conversation.model,
        settings: readSettings(conversation.settings),
      }}
      toolNames={Object.keys(tools)}
    />
  );
}
