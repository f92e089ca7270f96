import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { rulesFrom, waitInWords } from "./index";

describe("rulesFrom", () => {
  it("burst defaults to the per-minute rate", () => {
    expect(rulesFrom(parseEnv({}))).toEqual({
      chat: { perMinute: 30, burst: 30 },
      sign_in: { perMinute: 10, burst: 10 },
    });
    const env = parseEnv({
      RATE_LIMIT_CHAT_PER_MINUTE: "6",
      RATE_LIMIT_CHAT_BURST: "2",
      RATE_LIMIT_SIGN_IN_PER_MINUTE: "3",
    });
    expect(rulesFrom(env)).toEqual({
      chat: { perMinute: 6, burst: 2 },
      sign_in: { perMinute: 3, burst: 3 },
    });
  });

  it("0 a minute turns a limit off", () => {
    expect(rulesFrom(parseEnv({ RATE_LIMIT_CHAT_PER_MINUTE: "0" }))).toEqual({
      sign_in: { perMinute: 10, burst: 10 },
    });
    expect(
      rulesFrom(
        parseEnv({
          RATE_LIMIT_CHAT_PER_MINUTE: "0",
          RATE_LIMIT_SIGN_IN_PER_MINUTE: "0",
        }),
      ),
    ).toEqual({});
  });
});

describe("waitInWords", () => {
  it.each([
    [1, "1 second"],
    [20, "20 seconds"],
    [89, "89 seconds"],
    [90, "2 minutes"],
    [600, "10 minutes"],
  ])("%i s reads %s", (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});
