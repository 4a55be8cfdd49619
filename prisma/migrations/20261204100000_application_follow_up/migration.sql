-- Follow-up of applications (issue 12): the clock on each application, the staff queue of the
-- ones left unanswered, and each employer's response figures kept on its row for the post pages.

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "answeredAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "remindedAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "escalatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "responseCounted" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Organization" ADD COLUMN "responseAnswered" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Organization" ADD COLUMN "responseMedianHours" INTEGER;
ALTER TABLE "Organization" ADD COLUMN "responseEscalations" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Organization" ADD COLUMN "responseFlagged" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Organization" ADD COLUMN "responseUpdatedAt" DATETIME;

-- CreateTable
CREATE TABLE "ApplicationFollowUp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "escalatedAt" DATETIME NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "lastOutcome" TEXT,
    "lastNote" TEXT,
    "lastCalledAt" DATETIME,
    "lastCalledById" INTEGER,
    "closedAt" DATETIME,
    "closedReason" TEXT,
    CONSTRAINT "ApplicationFollowUp_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApplicationFollowUp_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationFollowUp_applicationId_key" ON "ApplicationFollowUp"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationFollowUp_regionCode_closedAt_idx" ON "ApplicationFollowUp"("regionCode", "closedAt");

-- CreateIndex
CREATE INDEX "ApplicationFollowUp_organizationId_escalatedAt_idx" ON "ApplicationFollowUp"("organizationId", "escalatedAt");

-- CreateIndex
CREATE INDEX "Application_status_createdAt_idx" ON "Application"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Organization_responseFlagged_idx" ON "Organization"("responseFlagged");

-- Applications answered before this migration: their first answer is in their events.
UPDATE "Application" SET "answeredAt" = (
    SELECT MIN(e."createdAt") FROM "ApplicationEvent" e
    WHERE e."applicationId" = "Application"."id" AND e."status" IN ('interview', 'offered', 'hired', 'rejected')
);
