-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "lockAt" DATETIME;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "proposalId" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VoteRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "quorum" INTEGER NOT NULL,
    "isOpenBallot" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "result" TEXT,
    "openedById" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "stateBefore" TEXT NOT NULL DEFAULT 'DRAFTING',
    CONSTRAINT "VoteRound_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "VoteRound_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_VoteRound" ("closedAt", "id", "isOpenBallot", "openedAt", "openedById", "proposalId", "question", "quorum", "result", "rule", "status", "versionId") SELECT "closedAt", "id", "isOpenBallot", "openedAt", "openedById", "proposalId", "question", "quorum", "result", "rule", "status", "versionId" FROM "VoteRound";
DROP TABLE "VoteRound";
ALTER TABLE "new_VoteRound" RENAME TO "VoteRound";
CREATE INDEX "VoteRound_proposalId_openedAt_idx" ON "VoteRound"("proposalId", "openedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_userId_workshopId_createdAt_idx" ON "Notification"("userId", "workshopId", "createdAt");

