import Link from "next/link";

export function SetupNotice() {
  return (
    <aside
      aria-label="Setup"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong>Parley needs an OpenRouter API key.</strong>{" "}
      <Link href="/settings#openrouter-key" className="underline">
        Connect your OpenRouter account or paste a key in Settings
      </Link>
      , or set <code>OPENROUTER_API_KEY</code> in the <code>.env</code> file
      next to <code>package.json</code> (copy <code>.env.example</code> to
      start) and restart Parley. Keys are made at openrouter.ai/keys.
    </aside>
  );
}
