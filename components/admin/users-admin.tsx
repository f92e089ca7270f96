"use client";

import { type FormEvent, useState } from "react";
import { type AdminUser, adminRequest } from "./admin-api";
import { UserRow } from "./user-row";

type Invitation = { email: string; url: string };

/** The administrator's page: sign-up switch, invitations, accounts. */
export function UsersAdmin({
  selfId,
  initialAllowSignUp,
  initialUsers,
}: {
  selfId: string;
  initialAllowSignUp: boolean;
  initialUsers: AdminUser[];
}) {
  const [allowSignUp, setAllowSignUp] = useState(initialAllowSignUp);
  const [users, setUsers] = useState(initialUsers);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
    setBusy(false);
  }

  const toggleSignUp = () =>
    run(async () => {
      const next = !allowSignUp;
      await adminRequest("/api/admin/settings", {
        method: "PUT",
        body: { allowSignUp: next },
      });
      setAllowSignUp(next);
    });

  const invite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "").trim();
    void run(async () => {
      const result = await adminRequest<{
        user: AdminUser;
        invitePath: string;
      }>("/api/admin/users", { method: "POST", body: { email } });
      setUsers((current) => [...current, result.user]);
      setInvitation({
        email,
        url: `${window.location.origin}${result.invitePath}`,
      });
      form.reset();
    });
  };

  const setDisabled = (id: string, disabled: boolean) =>
    run(async () => {
      const { user } = await adminRequest<{ user: AdminUser }>(
        `/api/admin/users/${id}`,
        { method: "PATCH", body: { disabled } },
      );
      setUsers((current) => current.map((row) => (row.id === id ? user : row)));
    });

  const setServerKey = (id: string, serverKeyAllowed: boolean) =>
    run(async () => {
      const { user } = await adminRequest<{ user: AdminUser }>(
        `/api/admin/users/${id}`,
        { method: "PATCH", body: { serverKeyAllowed } },
      );
      setUsers((current) => current.map((row) => (row.id === id ? user : row)));
    });

  const setCaps = (id: string, spendCaps: AdminUser["spendCaps"]) =>
    run(async () => {
      const { user } = await adminRequest<{ user: AdminUser }>(
        `/api/admin/users/${id}`,
        { method: "PATCH", body: { spendCaps } },
      );
      setUsers((current) => current.map((row) => (row.id === id ? user : row)));
    });

  const passwordLink = (user: AdminUser) =>
    run(async () => {
      const { invitePath } = await adminRequest<{ invitePath: string }>(
        `/api/admin/users/${user.id}/password-link`,
        { method: "POST" },
      );
      setInvitation({
        email: user.email,
        url: `${window.location.origin}${invitePath}`,
      });
    });

  const remove = (id: string) =>
    run(async () => {
      await adminRequest(`/api/admin/users/${id}`, { method: "DELETE" });
      setUsers((current) => current.filter((row) => row.id !== id));
    });

  return (
    <div className="flex flex-col gap-6">
      <section className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={allowSignUp}
          disabled={busy}
          onClick={() => void toggleSignUp()}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm aria-checked:bg-zinc-900 aria-checked:text-white dark:border-zinc-700 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900"
        >
          Allow sign-up
        </button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {allowSignUp
            ? "Anyone who reaches this Parley can create an account."
            : "Only people you invite can have an account."}
        </span>
      </section>

      <section aria-label="Invite">
        <form onSubmit={invite} className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm">
            Email
            <input
              name="email"
              type="email"
              required
              className="rounded-md border border-zinc-300 bg-transparent px-3 py-1.5 dark:border-zinc-700"
            />
          </label>
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
          >
            Invite
          </button>
        </form>
        {invitation ? (
          <p role="status" className="mt-2 text-sm">
            Send this link to {invitation.email}: it lets them choose their
            password, works once, for three days, and is shown only now:{" "}
            <code data-testid="invite-link" className="break-all">
              {invitation.url}
            </code>
          </p>
        ) : null}
      </section>

      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}

      <ul aria-label="Accounts">
        {users.map((user) => (
          <UserRow
            key={user.id}
            user={user}
            isSelf={user.id === selfId}
            busy={busy}
            onSetDisabled={(disabled) => void setDisabled(user.id, disabled)}
            onSetServerKey={(allowed) => void setServerKey(user.id, allowed)}
            onSetCaps={(caps) => void setCaps(user.id, caps)}
            onPasswordLink={() => void passwordLink(user)}
            onDelete={() => void remove(user.id)}
          />
        ))}
      </ul>
    </div>
  );
}
