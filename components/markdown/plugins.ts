import type { Options as GfmOptions } from "remark-gfm";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import type { PluggableList } from "unified";

// "~5 to ~10 minutes" is prose, not strikethrough.
export const gfmOptions: GfmOptions = { singleTilde: false };

export const remarkPlugins: PluggableList = [
  [remarkGfm, gfmOptions],
  remarkMath,
];
