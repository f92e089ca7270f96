import type { Metadata } from "next";
import { YourData } from "@/components/data/your-data";
import { DefaultsForm } from "@/components/settings/defaults-form";
import { SharedLinks } from "@/components/share/shared-links";
import { tools } from "@/lib/ai/tools";
import { requirePageUser } from "@/lib/auth/session";
import { loadAppDefaults } from "@/lib/chat/conversation-setup";

export const metadata: Metadata = { title: "Default settings · Parley" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto max-w-2xl px-4 py-6 pl-12 md:pl-4">
        <h1 className="mb-1 text-xl font-semibold">Default settings</h1>
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          New conversations start with these. Each conversation keeps its own
          copy, changed through its Settings button.
        </p>
        <DefaultsForm
          initial={await loadAppDefaults({ userId: user.id })}
          toolNames={Object.keys(tools)}
        />
        <SharedLinks />
        <YourData />
      </div>
    </div>
  );
}
