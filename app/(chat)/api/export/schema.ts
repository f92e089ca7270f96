import { z } from "zod";
import { exportFormats } from "@/lib/export/download";

export const exportQuerySchema = z.strictObject({
  format: z.enum(exportFormats, {
    error: 'format must be "json" or "markdown"',
  }),
});
