import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/auth/set-password-form";

export const metadata: Metadata = {
  title: "Accept invitation · Parley",
  robots: { index: false },
};

type Props = { params: Promise<{ token: string }> };

/** Where an invited person chooses their password (the link works once). */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Welcome to Parley</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        You were invited. Choose a password, then sign in with your email.
      </p>
      <SetPasswordForm token={token} />
    </>
  );
}
