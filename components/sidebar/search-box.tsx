"use client";

/** The sidebar's search field; Escape empties it. */
export function SearchBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="px-3 pb-2">
      <input
        type="search"
        aria-label="Search conversations"
        placeholder="Search"
        value={value}
        maxLength={200}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && value) {
            // Kept from the window: there, Escape stops a running reply.
            event.preventDefault();
            event.stopPropagation();
            onChange("");
          }
        }}
        className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm outline-none focus:border-blue-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
}
