-- AlterTable
ALTER TABLE "user" ADD COLUMN "spendCapDailyUsd" REAL;
ALTER TABLE "user" ADD COLUMN "spendCapMonthlyUsd" REAL;
