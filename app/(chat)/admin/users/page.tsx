import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UsersAdmin } from "@/components/admin/users-admin";
import { PeopleSpending } from "@/components/spend/people-spending";
import { Spending } from "@/components/spend/spending";
import { accountsEnabled, requirePageUser } from "@/lib/auth/session";
import { getAllowSignUp, listUsers } from "@/lib/db/users";
import { loadServerSpendReport } from "@/lib/spend/server";

export const metadata: Metadata = { title: "Users · Parley" };

export default async function UsersPage() {
  const user = await requirePageUser();
  // Only the administrator learns that this page exists.
  if (!accountsEnabled() || user.role !== "admin") notFound();
  const [users, spend] = await Promise.all([
    listUsers(),
    loadServerSpendReport(),
  ]);
  return (
    <div className="flex-1 overflow-y-auto">
      <div className="mx-auto max-w-2xl px-4 py-6 pl-12 md:pl-4">
        <h1 className="mb-1 text-xl font-semibold">Users</h1>
        <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">
          Who may use this Parley. Each account sees only its own conversations.
        </p>
        <UsersAdmin
          selfId={user.id}
          initialAllowSignUp={await getAllowSignUp()}
          initialUsers={users.map((row) => ({
            ...row,
            createdAt: row.createdAt.toISOString(),
          }))}
        />
        <Spending
          report={spend.report}
          title="Everyone's spending"
          uncapped="Caps are per person"
        >
          <PeopleSpending people={spend.people} />
        </Spending>
      </div>
    </div>
  );
}
