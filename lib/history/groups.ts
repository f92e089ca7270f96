export type HistoryGroupLabel =
  | "Pinned"
  | "Today"
  | "Previous 7 days"
  | "Older";

export type HistoryGroup<Item> = { label: HistoryGroupLabel; items: Item[] };

type Groupable = { pinned: boolean; updatedAt: string };

/** Local midnight at the start of the day `now` falls in. */
export function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * Splits the sidebar's list into its headed groups, keeping the list's
 * order within each and leaving out empty groups. Days are the browser's
 * local days: "Today" starts at local midnight, "Previous 7 days" covers
 * the seven days before it (an item exactly at its first midnight is in
 * it), everything earlier is "Older". A date in the future (another
 * machine's clock) counts as today.
 */
export function groupConversations<Item extends Groupable>(
  items: Item[],
  now: Date,
): HistoryGroup<Item>[] {
  const today = startOfLocalDay(now);
  // Calendar arithmetic, so a daylight-saving change moves no boundary.
  const weekAgo = new Date(today);
  weekAgo.setDate(today.getDate() - 7);
  const groups: Record<HistoryGroupLabel, Item[]> = {
    Pinned: [],
    Today: [],
    "Previous 7 days": [],
    Older: [],
  };
  for (const item of items) {
    groups[labelFor(item, today.getTime(), weekAgo.getTime())].push(item);
  }
  return (Object.keys(groups) as HistoryGroupLabel[])
    .filter((label) => groups[label].length > 0)
    .map((label) => ({ label, items: groups[label] }));
}

function labelFor(
  item: Groupable,
  today: number,
  weekAgo: number,
): HistoryGroupLabel {
  if (item.pinned) return "Pinned";
  const time = Date.parse(item.updatedAt);
  // An unreadable date sorts with the oldest rather than failing the list.
  if (Number.isNaN(time)) return "Older";
  if (time >= today) return "Today";
  if (time >= weekAgo) return "Previous 7 days";
  return "Older";
}
