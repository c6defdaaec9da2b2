-- CreateEnum
CREATE TYPE "EditingMode" AS ENUM ('OPEN', 'AMENDMENTS');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORT', 'OBJECT');

-- CreateEnum
CREATE TYPE "CommentVisibility" AS ENUM ('EVERYONE', 'DELEGATION');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "editingMode" "EditingMode" NOT NULL DEFAULT 'OPEN';

-- AlterTable
ALTER TABLE "Version" ADD COLUMN     "openAmendments" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "anchorFrom" BYTEA NOT NULL,
    "anchorTo" BYTEA NOT NULL,
    "passage" TEXT NOT NULL DEFAULT '',
    "insertText" TEXT NOT NULL DEFAULT '',
    "reason" TEXT,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmendmentStance" (
    "amendmentId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "stance" "Stance" NOT NULL,
    "userId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AmendmentStance_pkey" PRIMARY KEY ("amendmentId","delegationId")
);

-- CreateTable
CREATE TABLE "CommentThread" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "visibility" "CommentVisibility" NOT NULL DEFAULT 'EVERYONE',
    "anchorFrom" BYTEA NOT NULL,
    "anchorTo" BYTEA NOT NULL,
    "quote" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "delegationId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Amendment_proposalId_status_idx" ON "Amendment"("proposalId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_proposalId_key_key" ON "Amendment"("proposalId", "key");

-- CreateIndex
CREATE INDEX "CommentThread_proposalId_createdAt_idx" ON "CommentThread"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_threadId_createdAt_idx" ON "Comment"("threadId", "createdAt");

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentStance" ADD CONSTRAINT "AmendmentStance_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentThread" ADD CONSTRAINT "CommentThread_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "CommentThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

