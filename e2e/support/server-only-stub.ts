// Vitest runs outside React's server environment, where the real
// `server-only` package throws on import; server modules under test load
// this empty stand-in instead (see vitest.config.ts).
export {};
