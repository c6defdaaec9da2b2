-- Observers may be allowed to download the outcome record (off by default).
ALTER TABLE "Workshop" ADD COLUMN     "outcomeForObservers" BOOLEAN NOT NULL DEFAULT false;
