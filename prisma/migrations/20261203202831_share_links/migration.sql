-- CreateTable
CREATE TABLE "ShareLink" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "snapshot" JSONB,
    "title" TEXT,
    "includeSystemPrompt" BOOLEAN NOT NULL DEFAULT false,
    "indexable" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ShareLink_conversationId_createdAt_idx" ON "ShareLink"("conversationId", "createdAt");
