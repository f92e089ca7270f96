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

const dollars = optionalString.pipe(
  z.coerce
    .number<string>({
      message: "must be an amount in dollars such as 5 or 0.50",
    })
    .min(0, { message: "must not be negative" })
    .optional(),
);

const count = (max: number) => z.coerce.number().int().min(0).max(max);

/** A blank value (`NAME=` in .env) counts as unset: the default applies. */
const blankIsUnset = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema);

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
  /** OpenRouter's OAuth page, where a person lets Parley have a key. */
  OPENROUTER_AUTH_URL: httpUrl("https://openrouter.ai/auth").default(
    "https://openrouter.ai/auth",
  ),
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
  /**
   * Dollars that replies may cost per UTC day and month, counted from the
   * cost OpenRouter reports; unset means no cap.
   */
  SPEND_CAP_DAILY_USD: dollars,
  SPEND_CAP_MONTHLY_USD: dollars,
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
   * Chat requests (sent, retried, edited, continued) a client address may
   * make per minute, sustained; 0 turns the limit off. See lib/rate-limit.
   */
  RATE_LIMIT_CHAT_PER_MINUTE: blankIsUnset(count(100_000).default(30)),
  /**
   * Sign-in attempts per minute, per client address and per account named;
   * 0 turns the limit off.
   */
  RATE_LIMIT_SIGN_IN_PER_MINUTE: blankIsUnset(count(10_000).default(10)),
  /** Chat requests accepted at once before the rate applies (default: it). */
  RATE_LIMIT_CHAT_BURST: blankIsUnset(count(100_000).min(1).optional()),
  /** Where the budgets live in Redis; tells deployments sharing one apart. */
  RATE_LIMIT_REDIS_PREFIX: blankIsUnset(
    z.string().trim().min(1).default("parley:rate:"),
  ),
  /**
   * Proxies in front that append to X-Forwarded-For; the client is that many
   * entries from its right. 0: none, Parley is reached directly.
   */
  TRUST_PROXY_HOPS: blankIsUnset(count(10).default(0)),
  /**
   * "off" runs without accounts: everything belongs to one built-in local
   * user. Refused at start unless the server listens on loopback only.
   */
  PARLEY_ACCOUNTS: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  ),
  /**
   * Signs session cookies; the keys that seal stored OpenRouter keys are
   * derived from it. Unset, one is generated and kept in data/auth-secret
   * (see lib/auth/secret.ts).
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
