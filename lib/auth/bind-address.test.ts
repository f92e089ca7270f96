import { describe, expect, it } from "vitest";
import { boundHost, isLoopbackHost, singleUserRefusal } from "./bind-address";

describe("boundHost", () => {
  it("reads next start's -H and --hostname", () => {
    const hostnameVariable = "ignored";
    expect(
      boundHost({
        argv: ["next", "start", "-H", "127.0.0.1"],
        hostnameVariable,
      }),
    ).toBe("127.0.0.1");
    expect(
      boundHost({ argv: ["next", "--hostname=::1"], hostnameVariable }),
    ).toBe("::1");
  });

  it("falls back to HOSTNAME (standalone server.js), else every interface", () => {
    expect(
      boundHost({ argv: ["server.js"], hostnameVariable: "0.0.0.0" }),
    ).toBe("0.0.0.0");
    expect(
      boundHost({ argv: ["server.js"], hostnameVariable: undefined }),
    ).toBeUndefined();
  });
});

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])(
    "%s is loopback",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(["0.0.0.0", "::", "192.168.1.2", "example.com", "", undefined])(
    "%s is not",
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe("singleUserRefusal", () => {
  it("says why, naming where the server would listen", () => {
    expect(singleUserRefusal("0.0.0.0")).toMatch(/only allowed on localhost/);
    expect(singleUserRefusal("0.0.0.0")).toContain("on 0.0.0.0");
    expect(singleUserRefusal(undefined)).toContain("every network interface");
    expect(singleUserRefusal("127.0.0.1")).toBeNull();
  });
});
