import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

function problems(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("runs on defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.OPENROUTER_API_KEY).toBeUndefined();
    expect(env).toMatchObject({
      OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1",
      DATABASE_URL: "file:./data/parley.db",
      DEFAULT_MODEL: "deepseek/deepseek-v4-flash",
      APP_URL: "http://localhost:3000",
      APP_NAME: "Parley",
      PORT: 3000,
      UPSTREAM_IDLE_TIMEOUT_SECONDS: 120,
      FETCH_URL_ALLOW_PRIVATE_ADDRESSES: false,
      PARLEY_ACCOUNTS: "on",
    });
  });

  it("reads PARLEY_ACCOUNTS and refuses anything but on and off", () => {
    expect(parseEnv({ PARLEY_ACCOUNTS: "off" }).PARLEY_ACCOUNTS).toBe("off");
    expect(parseEnv({ PARLEY_ACCOUNTS: "" }).PARLEY_ACCOUNTS).toBe("on");
    expect(problems({ PARLEY_ACCOUNTS: "no" })).toContain(
      "PARLEY_ACCOUNTS: must be on or off",
    );
  });

  it("refuses an auth secret too short to sign cookies with", () => {
    expect(problems({ BETTER_AUTH_SECRET: "short" })).toContain(
      "BETTER_AUTH_SECRET: must be at least 32 characters",
    );
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe(
      "x".repeat(32),
    );
  });

  it("treats the blank key of .env.example as no key", () => {
    expect(parseEnv({ OPENROUTER_API_KEY: "" }).OPENROUTER_API_KEY).toBe(
      undefined,
    );
    expect(parseEnv({ OPENROUTER_API_KEY: "  " }).OPENROUTER_API_KEY).toBe(
      undefined,
    );
  });

  it("trims a pasted key", () => {
    const env = parseEnv({ OPENROUTER_API_KEY: " sk-or-v1-abc\n" });
    expect(env.OPENROUTER_API_KEY).toBe("sk-or-v1-abc");
  });

  it("reads numbers and drops trailing slashes from the base URL", () => {
    const env = parseEnv({
      OPENROUTER_BASE_URL: "http://127.0.0.1:4010/api/v1//",
      PORT: "8080",
      UPSTREAM_IDLE_TIMEOUT_SECONDS: "30",
      DEFAULT_MODEL: "anthropic/claude-sonnet-4.5:thinking",
    });
    expect(env.OPENROUTER_BASE_URL).toBe("http://127.0.0.1:4010/api/v1");
    expect(env.PORT).toBe(8080);
    expect(env.UPSTREAM_IDLE_TIMEOUT_SECONDS).toBe(30);
    expect(env.DEFAULT_MODEL).toBe("anthropic/claude-sonnet-4.5:thinking");
  });

  it.each([
    [
      "OPENROUTER_BASE_URL",
      "openrouter.ai/api/v1",
      "must be an http:// or https:// URL such as https://openrouter.ai/api/v1",
    ],
    [
      "DATABASE_URL",
      "mysql://localhost/parley",
      "must be an SQLite file URL such as file:./data/parley.db or a " +
        "PostgreSQL URL such as postgresql://user:password@host:5432/parley",
    ],
    [
      "DEFAULT_MODEL",
      "deepseek-v4-flash",
      "must be an OpenRouter model id such as deepseek/deepseek-v4-flash",
    ],
  ])("explains a bad %s in the operator's terms", (name, value, message) => {
    expect(problems({ [name]: value })).toBe(
      `Invalid configuration (see .env.example):\n  ${name}: ${message}`,
    );
  });

  it.each([
    "file:./data/parley.db",
    "postgres://localhost/parley",
    "postgresql://parley:secret@db.internal:5432/parley?schema=chat",
  ])("accepts DATABASE_URL=%s", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each([
    ["DATABASE_URL", "file:"],
    ["DATABASE_URL", "postgresql://"],
    ["DATABASE_URL", "postgresql://localhost/parley?schema=a;drop"],
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PORT", "0"],
    ["UPSTREAM_IDLE_TIMEOUT_SECONDS", "0"],
    ["UPSTREAM_IDLE_TIMEOUT_SECONDS", "1.5"],
    ["APP_NAME", ""],
    ["FETCH_URL_ALLOW_PRIVATE_ADDRESSES", "maybe"],
  ])("refuses %s=%j", (name, value) => {
    expect(problems({ [name]: value })).toMatch(
      new RegExp(
        `^Invalid configuration \\(see \\.env\\.example\\):\\n  ${name}: `,
      ),
    );
  });

  // "localhost:3000" parses as a URL whose scheme is "localhost:".
  it.each(["APP_URL", "OPENROUTER_BASE_URL"])(
    "refuses %s=localhost:3000, which lacks http:// or https://",
    (name) => {
      expect(problems({ [name]: "localhost:3000" })).toContain(`  ${name}: `);
    },
  );

  it("limits chat to 30 a minute per address unless told otherwise", () => {
    const env = parseEnv({});
    expect(env.RATE_LIMIT_CHAT_BURST).toBeUndefined();
    expect(env).toMatchObject({
      RATE_LIMIT_CHAT_PER_MINUTE: 30,
      RATE_LIMIT_REDIS_PREFIX: "parley:rate:",
      TRUST_PROXY_HOPS: 0,
    });
    const blank = parseEnv({
      RATE_LIMIT_CHAT_PER_MINUTE: "",
      RATE_LIMIT_CHAT_BURST: "",
      TRUST_PROXY_HOPS: "",
      RATE_LIMIT_REDIS_PREFIX: "",
    });
    expect(blank.RATE_LIMIT_REDIS_PREFIX).toBe("parley:rate:");
    expect(blank.RATE_LIMIT_CHAT_PER_MINUTE).toBe(30);
    expect(blank.RATE_LIMIT_CHAT_BURST).toBeUndefined();
    expect(blank.TRUST_PROXY_HOPS).toBe(0);
    expect(
      parseEnv({ RATE_LIMIT_CHAT_PER_MINUTE: "0" }).RATE_LIMIT_CHAT_PER_MINUTE,
    ).toBe(0);
  });

  it("refuses rate-limit settings that make no sense", () => {
    const message = problems({
      RATE_LIMIT_CHAT_PER_MINUTE: "-1",
      RATE_LIMIT_CHAT_BURST: "0",
      TRUST_PROXY_HOPS: "one",
    });
    expect(message).toContain("RATE_LIMIT_CHAT_PER_MINUTE");
    expect(message).toContain("RATE_LIMIT_CHAT_BURST");
    expect(message).toContain("TRUST_PROXY_HOPS");
  });

  it("lists every problem at once, one a line", () => {
    const message = problems({
      DATABASE_URL: "mysql://db",
      PORT: "-1",
      DEFAULT_MODEL: "nope",
    });
    const names = message
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(":")[0]);
    expect(names.sort()).toEqual(["DATABASE_URL", "DEFAULT_MODEL", "PORT"]);
  });

  it("never repeats the key in an error", () => {
    const message = problems({
      OPENROUTER_API_KEY: "sk-or-v1-secret",
      PORT: "nope",
    });
    expect(message).not.toContain("sk-or-v1-secret");
  });
});
