import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/components/auth/credentials-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { accountsEnabled, currentUser } from "@/lib/auth/session";
import { countUsers, getAllowSignUp } from "@/lib/db/users";

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export const metadata: Metadata = { title: "Create account · Parley" };

export default async function SignUpPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  if (!accountsEnabled() || (await currentUser(await headers()))) {
    redirect(returnTo);
  }
  if ((await countUsers()) === 0) redirect("/sign-in");
  if (!(await getAllowSignUp())) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">Sign-up is closed</h1>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          This Parley takes new accounts only by invitation. Ask its
          administrator for one.
        </p>
        <Link href="/sign-in" className="text-sm underline">
          Sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Create an account</h1>
      <CredentialsForm mode="sign-up" returnTo={returnTo} />
      <p className="mt-4 text-sm">
        Already have one?{" "}
        <Link href="/sign-in" className="underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
