-- CreateEnum
CREATE TYPE "ClauseStatus" AS ENUM ('OPEN', 'AGREED_AD_REFERENDUM', 'AGREED', 'PARKED');

-- CreateEnum
CREATE TYPE "BracketStatus" AS ENUM ('OPEN', 'WITHDRAWN', 'LIFTED', 'AGREED');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "progress" TEXT;

-- AlterTable
ALTER TABLE "FloorRequest" ADD COLUMN     "clauseKey" TEXT,
ADD COLUMN     "paragraphNumber" INTEGER,
ADD COLUMN     "proposalId" TEXT;

-- CreateTable
CREATE TABLE "ClauseState" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "clauseKey" TEXT NOT NULL,
    "status" "ClauseStatus" NOT NULL DEFAULT 'OPEN',
    "setById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClauseState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClauseCapital" (
    "id" TEXT NOT NULL,
    "clauseStateId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,

    CONSTRAINT "ClauseCapital_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bracket" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "clauseKey" TEXT NOT NULL,
    "anchorFrom" BYTEA NOT NULL,
    "anchorTo" BYTEA NOT NULL,
    "passage" TEXT NOT NULL,
    "reason" TEXT,
    "placedById" TEXT NOT NULL,
    "delegationId" TEXT,
    "status" "BracketStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "agreedOptionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bracket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BracketHolder" (
    "id" TEXT NOT NULL,
    "bracketId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BracketHolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BracketOption" (
    "id" TEXT NOT NULL,
    "bracketId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BracketOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptionSupport" (
    "optionId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptionSupport_pkey" PRIMARY KEY ("optionId","delegationId")
);

-- CreateTable
CREATE TABLE "Reading" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "currentKey" TEXT,
    "startStatuses" TEXT NOT NULL DEFAULT '{}',
    "summary" TEXT,

    CONSTRAINT "Reading_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ClauseState" ADD CONSTRAINT "ClauseState_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClauseCapital" ADD CONSTRAINT "ClauseCapital_clauseStateId_fkey" FOREIGN KEY ("clauseStateId") REFERENCES "ClauseState"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bracket" ADD CONSTRAINT "Bracket_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BracketHolder" ADD CONSTRAINT "BracketHolder_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BracketOption" ADD CONSTRAINT "BracketOption_bracketId_fkey" FOREIGN KEY ("bracketId") REFERENCES "Bracket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptionSupport" ADD CONSTRAINT "OptionSupport_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "BracketOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reading" ADD CONSTRAINT "Reading_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

