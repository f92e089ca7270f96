-- CreateTable
CREATE TABLE "OpenRouterKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "encryptedKey" TEXT NOT NULL,
    "lastFour" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
