import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // A second build (another checkout's tests, a benchmark) can live beside
  // the main one instead of overwriting it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // `NEXT_OUTPUT=standalone` (the Dockerfile sets it) makes a self-contained
  // server.js with only the files it needs; `npm start` uses `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // `npm test` type-checks the whole project, tests included, with
  // `tsc --noEmit`; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  // `next dev` would otherwise write an AGENTS.md into the project root.
  agentRules: false,
  async headers() {
    const headers = Object.entries(securityHeaders).map(([key, value]) => ({
      key,
      value,
    }));
    return [{ source: "/:path*", headers }];
  },
  experimental: {
    // Requests pass through proxy.ts, which cuts bodies off at 10 MB by
    // default; an import may be 50 MiB (app/(chat)/api/import), and the
    // route answers 413 itself above that.
    proxyClientMaxBodySize: "64mb",
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

export default nextConfig;
