-- CreateTable
CREATE TABLE "SpendEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "cost" REAL NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SpendEntry_createdAt_idx" ON "SpendEntry"("createdAt");

-- What replies saved before this migration cost counts too.
INSERT INTO "SpendEntry" ("id", "kind", "model", "cost", "promptTokens", "completionTokens", "createdAt")
SELECT "id", 'reply', COALESCE("model", ''), "cost", "promptTokens", "completionTokens", "createdAt"
FROM "Message"
WHERE "role" = 'assistant' AND "cost" IS NOT NULL;
