import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// CI lays `shared/` beside the checkout, as on the development machines.
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const fixturesDir = resolve(repoRoot, "../shared/fixtures/openrouter");

export interface RecordedFixture {
  status: number;
  contentType: string;
  body: string;
  generationId: string | undefined;
}

export function fixtureExists(file: string): boolean {
  return existsSync(join(fixturesDir, file));
}

/** A recorded response body, replayed with the status it was recorded with. */
export function loadFixture(file: string): RecordedFixture {
  const body = readFileSync(join(fixturesDir, file), "utf8");
  const generationId = /"id":\s*"(gen-[^"]+)"/.exec(body)?.[1];
  if (file.endsWith(".sse")) {
    return {
      status: 200,
      contentType: "text/event-stream",
      body,
      generationId,
    };
  }
  const parsed: unknown = JSON.parse(body);
  const code = (parsed as { error?: { code?: unknown } }).error?.code;
  return {
    status: typeof code === "number" ? code : 200,
    contentType: "application/json",
    body,
    generationId,
  };
}

export function readFixtureJson(file: string): unknown {
  return JSON.parse(readFileSync(join(fixturesDir, file), "utf8"));
}
