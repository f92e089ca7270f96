-- AlterTable
ALTER TABLE "user" ADD COLUMN     "spendCapDailyUsd" DOUBLE PRECISION,
ADD COLUMN     "spendCapMonthlyUsd" DOUBLE PRECISION;
