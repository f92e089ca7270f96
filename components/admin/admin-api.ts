import { parseErrorBody } from "@/lib/errors";

export type AdminUser = {
  id: string;
  email: string;
  role: "admin" | "user";
  disabled: boolean;
  serverKeyAllowed: boolean;
  spendCaps: { day: number | null; month: number | null };
  createdAt: string;
};

/** Calls an admin route; throws its error (message in plain words). */
export async function adminRequest<T>(
  path: string,
  init: { method: string; body?: unknown },
): Promise<T> {
  const response = await fetch(path, {
    method: init.method,
    headers:
      init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw parseErrorBody(text) ?? new Error("The request did not work.");
  }
  return JSON.parse(text) as T;
}
