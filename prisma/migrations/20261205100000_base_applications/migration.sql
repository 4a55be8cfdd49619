-- Applications for a place in an incubation base (issue 13): founders apply, the base's operator
-- asks for an interview, admits or declines; each step is an event both sides read.

-- CreateTable
CREATE TABLE "BaseApplication" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "baseId" INTEGER NOT NULL,
    "founderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "businessPlan" TEXT NOT NULL,
    "team" TEXT NOT NULL,
    "industryCode" TEXT NOT NULL,
    "groups" TEXT NOT NULL DEFAULT ',',
    "needs" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'zh-CN',
    "interviewAt" DATETIME,
    "interviewNote" TEXT,
    "declineReason" TEXT,
    "businessName" TEXT,
    "jobsCreated" INTEGER NOT NULL DEFAULT 0,
    "admittedAt" DATETIME,
    "placementId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BaseApplication_baseId_fkey" FOREIGN KEY ("baseId") REFERENCES "IncubationBase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BaseApplication_founderId_fkey" FOREIGN KEY ("founderId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BaseApplicationEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "applicationId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BaseApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "BaseApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BaseApplication_placementId_key" ON "BaseApplication"("placementId");

-- CreateIndex
CREATE INDEX "BaseApplication_baseId_status_idx" ON "BaseApplication"("baseId", "status");

-- CreateIndex
CREATE INDEX "BaseApplication_founderId_idx" ON "BaseApplication"("founderId");

-- CreateIndex
CREATE UNIQUE INDEX "BaseApplication_baseId_founderId_key" ON "BaseApplication"("baseId", "founderId");

-- CreateIndex
CREATE INDEX "BaseApplicationEvent_applicationId_idx" ON "BaseApplicationEvent"("applicationId");
