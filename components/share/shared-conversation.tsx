import { MessageItem } from "@/components/chat/message-item";
import type { SharedView } from "@/lib/share/view";
import { ContinueButton } from "./continue-button";

/** The read-only page of a shared conversation; no ids, no sidebar. */
export function SharedConversation({
  token,
  view,
}: {
  token: string;
  view: SharedView;
}) {
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6">
        <header className="flex flex-col gap-1 border-b border-zinc-200 pb-4 dark:border-zinc-800">
          <p className="text-xs text-zinc-500">Shared conversation</p>
          <h1 className="text-xl font-semibold">
            {view.title || "Shared conversation"}
          </h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Model:{" "}
            <span data-testid="shared-model" className="font-mono">
              {view.model}
            </span>
          </p>
        </header>
        {view.systemPrompt ? (
          <section
            aria-label="System prompt"
            className="rounded-md border border-zinc-200 p-3 text-sm whitespace-pre-wrap dark:border-zinc-800"
          >
            <h2 className="mb-1 text-xs font-medium text-zinc-500">
              System prompt
            </h2>
            <p data-testid="shared-system-prompt">{view.systemPrompt}</p>
          </section>
        ) : null}
        <ol aria-label="Messages" className="flex flex-col gap-6">
          {view.messages.map((message, index) => (
            <MessageItem
              // Shared messages carry no ids; their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              message={{ id: String(index), ...message }}
              status={message.metadata?.status}
              error={message.metadata?.error}
              onRetry={undefined}
            />
          ))}
        </ol>
        {view.messages.length === 0 ? (
          <p className="text-sm text-zinc-500">No messages yet.</p>
        ) : null}
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <ContinueButton token={token} />
        </div>
      </div>
    </main>
  );
}
