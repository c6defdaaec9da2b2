-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN "progress" TEXT;

-- AlterTable
ALTER TABLE "FloorRequest" ADD COLUMN "clauseKey" TEXT;
ALTER TABLE "FloorRequest" ADD COLUMN "paragraphNumber" INTEGER;
ALTER TABLE "FloorRequest" ADD COLUMN "proposalId" TEXT;

-- CreateTable
CREATE TABLE "ClauseState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "clauseKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "setById" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClauseState_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClauseCapital" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "clauseStateId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "confirmedById" TEXT,
    CONSTRAINT "ClauseCapital_clauseStateId_fkey" FOREIGN KEY ("clauseStateId") REFERENCES "ClauseState" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Bracket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "clauseKey" TEXT NOT NULL,
    "anchorFrom" BLOB NOT NULL,
    "anchorTo" BLOB NOT NULL,
    "passage" TEXT NOT NULL,
    "reason" TEXT,
    "placedById" TEXT NOT NULL,
    "delegationId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "agreedOptionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Bracket_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BracketHolder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bracketId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BracketHolder_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BracketOption" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "bracketId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BracketOption_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OptionSupport" (
    "optionId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("optionId", "delegationId"),
    CONSTRAINT "OptionSupport_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "BracketOption" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reading" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "currentKey" TEXT,
    "startStatuses" TEXT NOT NULL DEFAULT '{}',
    "summary" TEXT,
    CONSTRAINT "Reading_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ClauseState_proposalId_clauseKey_key" ON "ClauseState"("proposalId", "clauseKey");

-- CreateIndex
CREATE UNIQUE INDEX "ClauseCapital_clauseStateId_delegationId_key" ON "ClauseCapital"("clauseStateId", "delegationId");

-- CreateIndex
CREATE INDEX "Bracket_proposalId_status_idx" ON "Bracket"("proposalId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BracketHolder_bracketId_delegationId_key" ON "BracketHolder"("bracketId", "delegationId");

-- CreateIndex
CREATE INDEX "BracketOption_bracketId_idx" ON "BracketOption"("bracketId");

-- CreateIndex
CREATE INDEX "Reading_proposalId_startedAt_idx" ON "Reading"("proposalId", "startedAt");

