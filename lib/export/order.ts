/**
 * Orders messages so that each comes after its parent, keeping the given
 * (chronological) order wherever it already does. A message whose parent is
 * missing counts as a root.
 */
export function parentsFirst<
  Message extends { id: string; parentId: string | null },
>(messages: Message[]): Message[] {
  const ids = new Set(messages.map((message) => message.id));
  const placed = new Set<string>();
  const waiting = new Map<string, Message[]>();
  const ordered: Message[] = [];
  const place = (message: Message) => {
    const stack = [message];
    while (stack.length > 0) {
      const next = stack.pop() as Message;
      ordered.push(next);
      placed.add(next.id);
      stack.push(...(waiting.get(next.id) ?? []).reverse());
      waiting.delete(next.id);
    }
  };
  for (const message of messages) {
    const parent = message.parentId;
    if (parent === null || !ids.has(parent) || placed.has(parent)) {
      place(message);
    } else {
      waiting.set(parent, [...(waiting.get(parent) ?? []), message]);
    }
  }
  // Only a parent loop (damaged data) leaves messages waiting: they are
  // kept, at the end, rather than lost from the export.
  for (const stuck of waiting.values()) ordered.push(...stuck);
  return ordered;
}
