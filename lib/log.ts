/**
 * Structured logs: one JSON object per line on stdout. Never pass message
 * text, API keys or request bodies at info level.
 */
type Fields = Record<string, unknown>;

function write(
  level: "info" | "warn" | "error",
  message: string,
  fields: Fields,
) {
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: message,
    ...fields,
  });
  if (level === "error") console.error(line);
  else console.log(line);
}

export const log = {
  info: (message: string, fields: Fields = {}) =>
    write("info", message, fields),
  warn: (message: string, fields: Fields = {}) =>
    write("warn", message, fields),
  error: (message: string, fields: Fields = {}) =>
    write("error", message, fields),
};

export function describeError(error: unknown): Fields {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return { error: error.message, errorName: error.name, cause };
}
