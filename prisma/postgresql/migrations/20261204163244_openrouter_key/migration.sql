-- CreateTable
CREATE TABLE "OpenRouterKey" (
    "id" TEXT NOT NULL,
    "encryptedKey" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpenRouterKey_pkey" PRIMARY KEY ("id")
);
