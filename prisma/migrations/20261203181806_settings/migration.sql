-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "settings" JSONB;

-- CreateTable
CREATE TABLE "AppSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "model" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
