-- AlterTable
ALTER TABLE "Message" ADD COLUMN "reasoningMs" INTEGER;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "settings" JSONB,
    "titleSource" TEXT NOT NULL DEFAULT 'message',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "activeLeafId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Conversation" ("createdAt", "id", "model", "settings", "title", "updatedAt") SELECT "createdAt", "id", "model", "settings", "title", "updatedAt" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_pinned_updatedAt_idx" ON "Conversation"("pinned", "updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
