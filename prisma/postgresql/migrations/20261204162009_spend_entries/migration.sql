-- CreateTable
CREATE TABLE "SpendEntry" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "cost" DOUBLE PRECISION NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpendEntry_createdAt_idx" ON "SpendEntry"("createdAt");

-- What replies saved before this migration cost counts too.
INSERT INTO "SpendEntry" ("id", "kind", "model", "cost", "promptTokens", "completionTokens", "createdAt")
SELECT "id", 'reply', COALESCE("model", ''), "cost", "promptTokens", "completionTokens", "createdAt"
FROM "Message"
WHERE "role" = 'assistant' AND "cost" IS NOT NULL;
