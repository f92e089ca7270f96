-- AlterTable
ALTER TABLE "user" ADD COLUMN     "serverKeyAllowed" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "SpendEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "cost" DOUBLE PRECISION NOT NULL,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpenRouterKey" (
    "userId" TEXT NOT NULL,
    "encryptedKey" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpenRouterKey_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "SpendEntry_createdAt_idx" ON "SpendEntry"("createdAt");

-- CreateIndex
CREATE INDEX "SpendEntry_userId_createdAt_idx" ON "SpendEntry"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "SpendEntry" ADD CONSTRAINT "SpendEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpenRouterKey" ADD CONSTRAINT "OpenRouterKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What replies saved before this migration cost counts too.
INSERT INTO "SpendEntry" ("id", "userId", "kind", "model", "cost", "promptTokens", "completionTokens", "createdAt")
SELECT m."id", c."userId", 'reply', COALESCE(m."model", ''), m."cost", m."promptTokens", m."completionTokens", m."createdAt"
FROM "Message" AS m
JOIN "Conversation" AS c ON c."id" = m."conversationId"
WHERE m."role" = 'assistant' AND m."cost" IS NOT NULL;
