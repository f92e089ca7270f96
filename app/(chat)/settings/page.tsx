import type { Metadata } from "next";
import { YourData } from "@/components/data/your-data";
import { OpenRouterKey } from "@/components/keys/openrouter-key";
import { DefaultsForm } from "@/components/settings/defaults-form";
import { SharedLinks } from "@/components/share/shared-links";
import { Spending } from "@/components/spend/spending";
import { tools } from "@/lib/ai/tools";
import { requirePageUser } from "@/lib/auth/session";
import { loadAppDefaults } from "@/lib/chat/conversation-setup";
import { keyStatus } from "@/lib/keys";
import { loadSpendReport } from "@/lib/spend/server";

export const metadata: Metadata = { title: "Default settings · Parley" };

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { openrouter } = await searchParams;
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
        <OpenRouterKey
          initial={await keyStatus(user.id)}
          outcome={typeof openrouter === "string" ? openrouter : undefined}
        />
        <Spending report={await loadSpendReport(user.id)} />
        <SharedLinks />
        <YourData />
      </div>
    </div>
  );
}
