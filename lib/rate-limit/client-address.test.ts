import { describe, expect, it } from "vitest";
import { clientKeyOf, normalizeAddress } from "./client-address";

const forwarded = (value?: string) =>
  new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("clientKeyOf", () => {
  it("no proxy: the address Next's server wrote from the socket", () => {
    expect(clientKeyOf(forwarded("192.0.2.7"), 0)).toBe("ip:192.0.2.7");
  });

  it("one proxy: its entry, whatever the client put before it", () => {
    const headers = forwarded("10.9.9.9, 1.1.1.1, 192.0.2.7");
    expect(clientKeyOf(headers, 1)).toBe("ip:192.0.2.7");
  });

  it("two proxies: the address the outer one received from", () => {
    const headers = forwarded("10.9.9.9, 192.0.2.7, 198.51.100.2");
    expect(clientKeyOf(headers, 2)).toBe("ip:192.0.2.7");
  });

  it("fewer entries than proxies: the first there is", () => {
    expect(clientKeyOf(forwarded("192.0.2.7"), 2)).toBe("ip:192.0.2.7");
  });

  it("no usable address: one shared key", () => {
    expect(clientKeyOf(forwarded(), 0)).toBe("ip:unknown");
    expect(clientKeyOf(forwarded("not-an-ip"), 0)).toBe("ip:unknown");
    expect(clientKeyOf(forwarded(" , "), 1)).toBe("ip:unknown");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["192.0.2.7:51234", "192.0.2.7"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::1", "0:0:0:0::/64"],
    ["2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64"],
    ["2001:DB8:AA:BB::9", "2001:db8:aa:bb::/64"],
    ["[2001:db8::1]:443", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["1::2:3:4:5:192.0.2.1", "1:0:2:3::/64"],
  ])("%s counts as %s", (entry, expected) => {
    expect(normalizeAddress(entry)).toBe(expected);
  });

  it.each(["", "unknown", "300.1.1.1", "1.2.3"])("refuses %j", (entry) => {
    expect(normalizeAddress(entry)).toBeUndefined();
  });
});
