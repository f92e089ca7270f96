import { currentTime } from "./current-time";

/** Tools the server runs for the model; the key is the name the model sees. */
export const tools = {
  current_time: currentTime,
};

export type ToolName = keyof typeof tools;
