-- CreateTable
CREATE TABLE "SpendEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "cost" REAL NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpendEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OpenRouterKey" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "encryptedKey" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "OpenRouterKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (an added column needs no rebuild of the table)
ALTER TABLE "user" ADD COLUMN "serverKeyAllowed" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "SpendEntry_createdAt_idx" ON "SpendEntry"("createdAt");

-- CreateIndex
CREATE INDEX "SpendEntry_userId_createdAt_idx" ON "SpendEntry"("userId", "createdAt");

-- What replies saved before this migration cost counts too.
INSERT INTO "SpendEntry" ("id", "userId", "kind", "model", "cost", "promptTokens", "completionTokens", "createdAt")
SELECT m."id", c."userId", 'reply', COALESCE(m."model", ''), m."cost", m."promptTokens", m."completionTokens", m."createdAt"
FROM "Message" AS m
JOIN "Conversation" AS c ON c."id" = m."conversationId"
WHERE m."role" = 'assistant' AND m."cost" IS NOT NULL;
