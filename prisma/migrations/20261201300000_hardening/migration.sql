-- An ID number typed into a profile is a claim, not proof: no longer unique (a "taken" answer told
-- strangers whose number it was); records kept under it open to the account only once verified.
DROP INDEX "SeekerProfile_idHash_key";
CREATE INDEX "SeekerProfile_idHash_idx" ON "SeekerProfile"("idHash");
ALTER TABLE "SeekerProfile" ADD COLUMN "idVerifiedAt" DATETIME;
ALTER TABLE "SeekerProfile" ADD COLUMN "idVerifiedHow" TEXT;
ALTER TABLE "SeekerProfile" ADD COLUMN "idVerifiedById" INTEGER;
ALTER TABLE "SeekerProfile" ADD COLUMN "idVerifiedPlacementId" INTEGER;

-- One-time codes go to a phone or an email address.
DROP INDEX "OneTimeCode_phoneHash_purpose_idx";
ALTER TABLE "OneTimeCode" RENAME COLUMN "phoneHash" TO "targetHash";
CREATE INDEX "OneTimeCode_targetHash_purpose_idx" ON "OneTimeCode"("targetHash", "purpose");

-- Search sync: rows that keep failing are parked in a dead set instead of blocking the queue.
ALTER TABLE "SearchOutbox" ADD COLUMN "refusals" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "SearchOutbox" ADD COLUMN "deadAt" DATETIME;
DROP INDEX "SearchOutbox_nextAttempt_idx";
CREATE INDEX "SearchOutbox_deadAt_nextAttempt_idx" ON "SearchOutbox"("deadAt", "nextAttempt");
