import { connection } from "next/server";
import type { ReactNode } from "react";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { SetupNotice } from "@/components/setup-notice";
import { Sidebar } from "@/components/sidebar/sidebar";
import { hasApiKey } from "@/lib/ai/provider";
import { accountsEnabled, requirePageUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/db/conversations";

export default async function ChatLayout({
  children,
}: {
  children: ReactNode;
}) {
  // The sidebar reads the database: never prerender it at build time.
  await connection();
  const user = await requirePageUser();
  const firstPage = await listConversations({ userId: user.id });
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
        {hasApiKey() ? null : <SetupNotice />}
        {children}
      </main>
    </div>
  );
}
