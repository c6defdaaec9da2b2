-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "anchorFrom" BLOB NOT NULL,
    "anchorTo" BLOB NOT NULL,
    "passage" TEXT NOT NULL DEFAULT '',
    "insertText" TEXT NOT NULL DEFAULT '',
    "reason" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Amendment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AmendmentStance" (
    "amendmentId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("amendmentId", "delegationId"),
    CONSTRAINT "AmendmentStance_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommentThread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "visibility" TEXT NOT NULL DEFAULT 'EVERYONE',
    "anchorFrom" BLOB NOT NULL,
    "anchorTo" BLOB NOT NULL,
    "quote" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommentThread_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "CommentThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workshopId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'DRAFTING',
    "basedOnProposalId" TEXT,
    "basedOnVersionNumber" INTEGER,
    "lockAt" DATETIME,
    "editingMode" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Proposal_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("basedOnProposalId", "basedOnVersionNumber", "createdAt", "id", "lockAt", "position", "state", "summary", "title", "updatedAt", "workshopId") SELECT "basedOnProposalId", "basedOnVersionNumber", "createdAt", "id", "lockAt", "position", "state", "summary", "title", "updatedAt", "workshopId" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE INDEX "Proposal_workshopId_position_idx" ON "Proposal"("workshopId", "position");
CREATE TABLE "new_Version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT,
    "state" BLOB NOT NULL,
    "stateSha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "contributors" TEXT NOT NULL DEFAULT '[]',
    "openAmendments" TEXT NOT NULL DEFAULT '[]',
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,
    CONSTRAINT "Version_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Version" ("authorId", "contributors", "createdAt", "hash", "id", "kind", "label", "number", "prevHash", "proposalId", "state", "stateSha256", "text") SELECT "authorId", "contributors", "createdAt", "hash", "id", "kind", "label", "number", "prevHash", "proposalId", "state", "stateSha256", "text" FROM "Version";
DROP TABLE "Version";
ALTER TABLE "new_Version" RENAME TO "Version";
CREATE UNIQUE INDEX "Version_proposalId_number_key" ON "Version"("proposalId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Amendment_proposalId_status_idx" ON "Amendment"("proposalId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_proposalId_key_key" ON "Amendment"("proposalId", "key");

-- CreateIndex
CREATE INDEX "CommentThread_proposalId_createdAt_idx" ON "CommentThread"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_threadId_createdAt_idx" ON "Comment"("threadId", "createdAt");

