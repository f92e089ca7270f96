import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { accountsEnabled } from "@/lib/auth/session";

export const metadata: Metadata = {
  title: "Accept invitation · Parley",
  robots: { index: false },
};

type Props = { params: Promise<{ token: string }> };

/**
 * Where an invited person, or one who forgot their password, chooses one
 * (the administrator's one-time link).
 */
export default async function InvitePage({ params }: Props) {
  if (!accountsEnabled()) redirect("/");
  const { token } = await params;
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Choose your password</h1>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        The administrator of this Parley made this link for you; it works once.
        Then sign in with your email and this password.
      </p>
      <SetPasswordForm token={token} />
    </>
  );
}
