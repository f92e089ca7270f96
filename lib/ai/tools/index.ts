import { getEnv } from "@/lib/env";
import { calculator } from "./calculator";
import { currentTime } from "./current-time";
import { createFetchUrlTool } from "./fetch-url";

/** Tools the server runs for the model; the key is the name the model sees. */
export const tools = {
  current_time: currentTime,
  calculator,
  fetch_url: createFetchUrlTool({
    allowPrivateAddresses: getEnv().FETCH_URL_ALLOW_PRIVATE_ADDRESSES,
  }),
};

export type ToolName = keyof typeof tools;
