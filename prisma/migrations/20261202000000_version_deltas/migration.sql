-- AlterTable
ALTER TABLE "Version" ADD COLUMN "stateDelta" BLOB;
ALTER TABLE "Version" ADD COLUMN "textDelta" BLOB;

-- CreateTable
CREATE TABLE "DataMigration" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "appliedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

