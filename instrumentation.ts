/** Runs once when a server process starts, before it takes requests. */
export async function register() {
  // Node-only work lives in its own module so the Edge build never sees it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/server-start");
    await onServerStart();
  }
}
