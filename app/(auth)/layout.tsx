import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex h-full items-center justify-center overflow-y-auto p-4">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 p-6 dark:border-zinc-800">
        {children}
      </div>
    </main>
  );
}
