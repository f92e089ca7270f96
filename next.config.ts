import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A second build (another checkout's tests, a benchmark) can live beside
  // the main one instead of overwriting it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `next dev` would otherwise write an AGENTS.md into the project root.
  agentRules: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
};

export default nextConfig;
