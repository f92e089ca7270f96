import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authorizationUrl, challengeOf, createVerifier } from "./pkce";
import { seal, unseal } from "./seal";

describe("sealed keys", () => {
  const secret = randomBytes(32);
  const key = `sk-or-v1-${"ab12".repeat(16)}`;

  it("open with the same secret and purpose, and hide the key", () => {
    const sealed = seal(key, secret, "openrouter-key");
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(sealed).not.toContain(key);
    expect(sealed).not.toContain("ab12ab12");
    expect(unseal(sealed, secret, "openrouter-key")).toBe(key);
    // A fresh IV each time: the same key never seals the same way twice.
    expect(seal(key, secret, "openrouter-key")).not.toBe(sealed);
  });

  it("do not open with another secret or purpose, or once changed", () => {
    const sealed = seal(key, secret, "openrouter-key");
    expect(unseal(sealed, randomBytes(32), "openrouter-key")).toBeUndefined();
    expect(unseal(sealed, secret, "openrouter-oauth")).toBeUndefined();
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    expect(
      unseal(`v1.${bytes.toString("base64url")}`, secret, "openrouter-key"),
    ).toBeUndefined();
    expect(unseal("v2.abc", secret, "openrouter-key")).toBeUndefined();
    expect(unseal("v1.", secret, "openrouter-key")).toBeUndefined();
    expect(unseal("not sealed", secret, "openrouter-key")).toBeUndefined();
  });
});

describe("PKCE", () => {
  it("hashes the verifier as RFC 7636 says (its appendix B example)", () => {
    expect(challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("makes verifiers of 43 URL-safe characters, never the same", () => {
    const verifiers = new Set(Array.from({ length: 100 }, createVerifier));
    expect(verifiers.size).toBe(100);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[\w-]{43}$/);
  });

  it("sends OpenRouter the callback, the S256 challenge and a label", () => {
    const url = new URL(
      authorizationUrl({
        authUrl: "https://openrouter.ai/auth",
        callbackUrl:
          "https://chat.example.org/api/openrouter-key/oauth/callback",
        challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        label: "Parley",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://openrouter.ai/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      callback_url:
        "https://chat.example.org/api/openrouter-key/oauth/callback",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      key_label: "Parley",
    });
  });
});
