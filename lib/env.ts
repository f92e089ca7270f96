import { z } from "zod";

/**
 * The server's configuration, read once from `process.env` and validated.
 * `.env.example` is the commented mirror of this schema.
 */
export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  OPENROUTER_API_KEY: optionalString,
  OPENROUTER_BASE_URL: z
    .url({
      message: "must be an absolute URL such as https://openrouter.ai/api/v1",
    })
    .default("https://openrouter.ai/api/v1")
    .transform((url) => url.replace(/\/+$/, "")),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => url.startsWith("file:"), {
      message: "must be an SQLite URL such as file:./data/parley.db",
    }),
  DEFAULT_MODEL: z
    .string()
    .regex(/^[\w.-]+\/[\w.:~-]+$/, {
      message:
        "must be an OpenRouter model id such as deepseek/deepseek-v4-flash",
    })
    .default("deepseek/deepseek-v4-flash"),
  APP_URL: z.url().default("http://localhost:3000"),
  APP_NAME: z.string().min(1).default("Parley"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Seconds without a byte from OpenRouter before a reply is given up. */
  UPSTREAM_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(120),
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
