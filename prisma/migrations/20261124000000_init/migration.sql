-- CreateTable
CREATE TABLE "Region" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Industry" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "industryCode" TEXT,
    "regionCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "verifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Posting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "industryCode" TEXT,
    "occupation" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "requirements" TEXT NOT NULL DEFAULT '',
    "education" TEXT NOT NULL DEFAULT 'any',
    "experienceYears" INTEGER NOT NULL DEFAULT 0,
    "ageMin" INTEGER,
    "ageMax" INTEGER,
    "skills" TEXT NOT NULL DEFAULT '',
    "benefits" TEXT NOT NULL DEFAULT ',',
    "contractType" TEXT NOT NULL DEFAULT 'full_time',
    "payMin" INTEGER NOT NULL,
    "payMax" INTEGER NOT NULL,
    "payPeriod" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "groups" TEXT NOT NULL DEFAULT ',',
    "brandCode" TEXT,
    "howToApply" TEXT NOT NULL,
    "contactPhone" TEXT,
    "durationMonths" INTEGER,
    "eligibleMajors" TEXT,
    "workDate" DATETIME,
    "startTime" TEXT,
    "endTime" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "publishedAt" DATETIME,
    "validFrom" DATETIME NOT NULL,
    "validUntil" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Posting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncubationBase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "organizationId" INTEGER,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "services" TEXT NOT NULL DEFAULT ',',
    "industries" TEXT NOT NULL DEFAULT ',',
    "totalPlaces" INTEGER NOT NULL,
    "freePlaces" INTEGER NOT NULL,
    "rentTerms" TEXT NOT NULL,
    "rentFreeYears" INTEGER NOT NULL DEFAULT 0,
    "supportLoans" BOOLEAN NOT NULL DEFAULT true,
    "supportSubsidy" BOOLEAN NOT NULL DEFAULT true,
    "groups" TEXT NOT NULL DEFAULT ',',
    "contactPhone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncubationBase_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LabourBrand" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "trade" TEXT NOT NULL,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "TrainingCourse" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "brandCode" TEXT,
    "trade" TEXT NOT NULL,
    "providerId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "schedule" TEXT NOT NULL,
    "hours" INTEGER NOT NULL,
    "totalPlaces" INTEGER NOT NULL,
    "placesLeft" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,
    "subsidy" INTEGER NOT NULL,
    "certificate" TEXT NOT NULL,
    "leadsTo" TEXT NOT NULL,
    "industryCode" TEXT,
    "groups" TEXT NOT NULL DEFAULT ',',
    "enrolDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'published',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingCourse_brandCode_fkey" FOREIGN KEY ("brandCode") REFERENCES "LabourBrand" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TrainingCourse_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "docId" TEXT NOT NULL,
    "op" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttempt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SystemState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode");

-- CreateIndex
CREATE INDEX "Region_level_idx" ON "Region"("level");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_regionCode_idx" ON "Organization"("regionCode");

-- CreateIndex
CREATE INDEX "Posting_kind_status_idx" ON "Posting"("kind", "status");

-- CreateIndex
CREATE INDEX "Posting_countyCode_idx" ON "Posting"("countyCode");

-- CreateIndex
CREATE INDEX "Posting_publishedAt_idx" ON "Posting"("publishedAt");

-- CreateIndex
CREATE INDEX "Posting_validUntil_idx" ON "Posting"("validUntil");

-- CreateIndex
CREATE INDEX "IncubationBase_countyCode_idx" ON "IncubationBase"("countyCode");

-- CreateIndex
CREATE INDEX "TrainingCourse_countyCode_idx" ON "TrainingCourse"("countyCode");

-- CreateIndex
CREATE INDEX "TrainingCourse_brandCode_idx" ON "TrainingCourse"("brandCode");

-- CreateIndex
CREATE INDEX "SearchOutbox_nextAttempt_idx" ON "SearchOutbox"("nextAttempt");

