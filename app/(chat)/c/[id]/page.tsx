import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Chat } from "@/components/chat/chat";
import { tools } from "@/lib/ai/tools";
import { activePath, toUIMessage } from "@/lib/chat/thread";
import { getConversationById } from "@/lib/db/conversations";
import { getMessagesByConversationId } from "@/lib/db/messages";
import { readSettings } from "@/lib/settings/schema";
import { conversationIdSchema } from "../../api/chat/schema";

type Props = { params: Promise<{ id: string }> };

async function loadConversation(id: string) {
  if (!conversationIdSchema.safeParse(id).success) return null;
  return getConversationById({ id });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await loadConversation((await params).id);
  return { title: conversation ? `${conversation.title} · Parley` : "Parley" };
}

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const conversation = await loadConversation(id);
  if (!conversation) notFound();
  const messages = await getMessagesByConversationId({ conversationId: id });
  return (
    <Chat
      key={id}
      id={id}
      initialMessages={activePath(messages).map(toUIMessage)}
      setup={{
        model: conversation.model,
        settings: readSettings(conversation.settings),
      }}
      toolNames={Object.keys(tools)}
    />
  );
}
