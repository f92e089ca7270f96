import { z } from "zod";

/**
 * The server's configuration, read once from `process.env` and validated.
 * `.env.example` is the commented mirror of this schema.
 */
/** An OpenRouter model id: `org/slug`, with an optional `:variant`. */
export const modelIdSchema = z
  .string()
  .max(200)
  .regex(/^[\w.-]+\/[\w.:~-]+$/, {
    message:
      "must be an OpenRouter model id such as deepseek/deepseek-v4-flash",
  });

const httpUrl = (example: string) =>
  z.url({
    protocol: /^https?$/,
    message: `must be an http:// or https:// URL such as ${example}`,
  });

export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const authSecret = z
  .string()
  .min(32, { message: "must be at least 32 characters (openssl rand -hex 32)" })
  .optional();

function schemaParameter(url: string): string {
  if (url.startsWith("file:")) return "public";
  try {
    return new URL(url).searchParams.get("schema") ?? "public";
  } catch {
    return "";
  }
}

const envSchema = z.object({
  OPENROUTER_API_KEY: optionalString,
  OPENROUTER_BASE_URL: httpUrl("https://openrouter.ai/api/v1")
    .default("https://openrouter.ai/api/v1")
    .transform((url) => url.replace(/\/+$/, "")),
  /** `file:` runs on SQLite, `postgres(ql)://` on PostgreSQL. */
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_DATABASE_URL)
    .refine(
      (url) => /^file:.+/.test(url) || /^postgres(ql)?:\/\/[^/\s]+/.test(url),
      {
        message:
          "must be an SQLite file URL such as file:./data/parley.db or a " +
          "PostgreSQL URL such as postgresql://user:password@host:5432/parley",
      },
    )
    // Prisma's `?schema=` names where the tables live; it goes into
    // search_path, so it is held to a plain identifier.
    .refine((url) => /^[A-Za-z_]\w{0,62}$/.test(schemaParameter(url)), {
      message: "its ?schema= must be letters, digits and _",
    }),
  /**
   * Shares running replies between instances: a reloaded tab follows its
   * reply wherever it runs, and Stop reaches it. Unset: this process only.
   */
  REDIS_URL: optionalString.pipe(
    z
      .url({
        protocol: /^rediss?$/,
        message:
          "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379",
      })
      .optional(),
  ),
  DEFAULT_MODEL: modelIdSchema.default("deepseek/deepseek-v4-flash"),
  APP_URL: httpUrl("http://localhost:3000").default("http://localhost:3000"),
  APP_NAME: z.string().min(1).default("Parley"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Seconds without a byte from OpenRouter before a reply is given up. */
  UPSTREAM_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(120),
  /**
   * On SIGTERM, seconds to let replies in flight finish before they are
   * saved as interrupted and the process exits.
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(25),
  /**
   * "off" runs without accounts: everything belongs to one built-in local
   * user. Refused at start unless the server listens on loopback only.
   */
  PARLEY_ACCOUNTS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  /**
   * Signs session cookies. Unset, one is generated and kept in
   * data/auth-secret (see lib/auth/secret.ts).
   */
  BETTER_AUTH_SECRET: optionalString.pipe(authSecret),
  /** Another name for BETTER_AUTH_SECRET, read when that one is unset. */
  AUTH_SECRET: optionalString.pipe(authSecret),
  /** Lets the fetch_url tool reach loopback, private and link-local hosts. */
  FETCH_URL_ALLOW_PRIVATE_ADDRESSES: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.stringbool({ error: "must be true or false" }).default(false),
  ),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(
      `Invalid configuration (see .env.example):\n${lines.join("\n")}`,
    );
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
