import type { PersonSpend } from "@/lib/spend/report";
import { formatCost } from "@/lib/usage-totals";

/** The administrator's table: each person's spend, who is at a cap. */
export function PeopleSpending({ people }: { people: PersonSpend[] }) {
  if (people.length === 0) return null;
  return (
    <table className="mt-4 w-full text-sm" aria-label="Spending by person">
      <thead className="text-left text-zinc-500">
        <tr>
          <th className="font-normal">Person</th>
          <th className="text-right font-normal">Today</th>
          <th className="text-right font-normal">This month</th>
          <th className="text-right font-normal">30 days</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.userId ?? "none"} data-testid="person-spend">
            <td className="break-all">
              {person.email ?? "From before accounts"}
              {person.capped ? (
                <span className="ml-2 text-xs text-red-600 dark:text-red-400">
                  at a cap
                </span>
              ) : null}
            </td>
            <td className="text-right tabular-nums">
              {formatCost(person.day)}
            </td>
            <td className="text-right tabular-nums">
              {formatCost(person.month)}
            </td>
            <td className="text-right tabular-nums">
              {formatCost(person.window)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
