import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { accountsEnabled, currentUser } from "@/lib/auth/session";
import { countUsers, getAllowSignUp } from "@/lib/db/users";

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export const metadata: Metadata = { title: "Sign in · Parley" };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  if (!accountsEnabled() || (await currentUser(await headers()))) {
    redirect(returnTo);
  }
  // First start: the only thing to do is to make the administrator.
  if ((await countUsers()) === 0) {
    return (
      <>
        <h1 className="mb-1 text-xl font-semibold">Welcome to Parley</h1>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Create the first account. It administers this Parley: it decides who
          else may use it.
        </p>
        <CredentialsForm mode="sign-up" returnTo={returnTo} />
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Sign in to Parley</h1>
      <CredentialsForm mode="sign-in" returnTo={returnTo} />
      {(await getAllowSignUp()) ? (
        <p className="mt-4 text-sm">
          No account yet?{" "}
          <Link href="/sign-up" className="underline">
            Create one
          </Link>
        </p>
      ) : null}
    </>
  );
}
