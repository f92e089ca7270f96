/** Fired on window when the list of conversations may have changed. */
export const CONVERSATIONS_CHANGED = "parley:conversations-changed";

export function announceConversationsChanged(): void {
  window.dispatchEvent(new Event(CONVERSATIONS_CHANGED));
}
