import { randomUUID } from "node:crypto";
import { connection } from "next/server";
import { Chat } from "@/components/chat/chat";
import { tools } from "@/lib/ai/tools";
import { requirePageUser } from "@/lib/auth/session";
import { loadAppDefaults } from "@/lib/chat/conversation-setup";

export default async function NewChatPage() {
  // Each visit is a new conversation, so the page is never prerendered.
  await connection();
  const user = await requirePageUser();
  const id = randomUUID();
  return (
    <Chat
      key={id}
      id={id}
      initialMessages={[]}
      isNew
      setup={await loadAppDefaults({ userId: user.id })}
      toolNames={Object.keys(tools)}
    />
  );
}
