-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "lockAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VoteRound" ADD COLUMN     "stateBefore" "ProposalState" NOT NULL DEFAULT 'DRAFTING';

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "proposalId" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_workshopId_createdAt_idx" ON "Notification"("userId", "workshopId", "createdAt");

