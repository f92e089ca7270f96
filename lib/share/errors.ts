import { ParleyError } from "@/lib/errors";

/**
 * The one answer for unknown, malformed, revoked and expired links alike,
 * so that a stranger learns nothing from which it was.
 */
export function shareNotFound(): ParleyError {
  return new ParleyError(
    "not_found:share",
    "This shared conversation does not exist or is no longer shared.",
  );
}
