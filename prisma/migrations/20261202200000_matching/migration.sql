-- Matching (issue 11): what a seeker wants and has, what a post requires, feedback and invitations.
ALTER TABLE "SeekerProfile" ADD COLUMN "wishOccupations" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "SeekerProfile" ADD COLUMN "credentials" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "SeekerProfile" ADD COLUMN "skillCodes" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "SeekerProfile" ADD COLUMN "travelKm" INTEGER;
ALTER TABLE "SeekerProfile" ADD COLUMN "experienceYears" INTEGER;
ALTER TABLE "SeekerProfile" ADD COLUMN "brandsTrained" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "SeekerProfile" ADD COLUMN "awayCityCode" TEXT;
ALTER TABLE "SeekerProfile" ADD COLUMN "comeHomeBy" DATETIME;
ALTER TABLE "SeekerProfile" ADD COLUMN "consentCandidate" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Posting" ADD COLUMN "credentials" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "Posting" ADD COLUMN "skillCodes" TEXT NOT NULL DEFAULT ',';
ALTER TABLE "Posting" ADD COLUMN "groupOnly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "TrainingCourse" ADD COLUMN "credentialCode" TEXT;

CREATE TABLE "SeekerOccupation" (
    "userId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "minor" TEXT NOT NULL,
    "medium" TEXT NOT NULL,

    PRIMARY KEY ("userId", "code"),
    CONSTRAINT "SeekerOccupation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "SeekerOccupation_minor_idx" ON "SeekerOccupation"("minor");
CREATE INDEX "SeekerOccupation_medium_idx" ON "SeekerOccupation"("medium");

CREATE TABLE "MatchFeedback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "occupationCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MatchFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "MatchFeedback_userId_itemId_key" ON "MatchFeedback"("userId", "itemId");

CREATE TABLE "CandidateInvitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postingId" INTEGER NOT NULL,
    "seekerId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "invitedById" INTEGER NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'sent',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "CandidateInvitation_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CandidateInvitation_seekerId_fkey" FOREIGN KEY ("seekerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "CandidateInvitation_postingId_seekerId_key" ON "CandidateInvitation"("postingId", "seekerId");
CREATE INDEX "CandidateInvitation_seekerId_status_idx" ON "CandidateInvitation"("seekerId", "status");
CREATE INDEX "CandidateInvitation_postingId_idx" ON "CandidateInvitation"("postingId");
