import { connection } from "next/server";
import type { ReactNode } from "react";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { SetupNotice } from "@/components/setup-notice";
import { Sidebar } from "@/components/sidebar/sidebar";
import { accountsEnabled, requirePageUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/db/conversations";
import { resolveApiKey } from "@/lib/keys";

export default async function ChatLayout({
  children,
}: {
  children: ReactNode;
}) {
  // The sidebar reads the database: never prerender it at build time.
  await connection();
  const user = await requirePageUser();
  const [firstPage, apiKey] = await Promise.all([
    listConversations({ userId: user.id }),
    resolveApiKey(user.id),
  ]);
  return (
    <div className="flex h-full">
      <KeyboardShortcuts />
      <Sidebar
        firstPage={firstPage}
        account={
          accountsEnabled()
            ? { email: user.email, isAdmin: user.role === "admin" }
            : null
        }
      />
      <main className="flex min-w-0 flex-1 flex-col">
        {apiKey ? null : <SetupNotice />}
        {children}
      </main>
    </div>
  );
}
