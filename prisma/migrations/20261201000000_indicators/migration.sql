-- CreateTable
CREATE TABLE "PlacementImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "acceptedRows" INTEGER NOT NULL,
    "report" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "document" TEXT
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "rule" TEXT NOT NULL DEFAULT '{}',
    "planTarget" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Indicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Target_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorCredit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "personKey" TEXT NOT NULL,
    "placementId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    CONSTRAINT "IndicatorCredit_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "IndicatorCredit_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IndicatorFigure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indicatorId" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "note" TEXT,
    "enteredById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IndicatorFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Placement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personUserId" INTEGER,
    "personName" TEXT NOT NULL,
    "idHash" TEXT,
    "idNumberEnc" TEXT,
    "idNumberMasked" TEXT,
    "groups" TEXT NOT NULL DEFAULT ',',
    "returneeKind" TEXT,
    "organizationId" INTEGER,
    "employerName" TEXT NOT NULL,
    "postingId" INTEGER,
    "applicationId" INTEGER,
    "kind" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    "continuity" TEXT NOT NULL DEFAULT 'new_employer',
    "personKey" TEXT NOT NULL DEFAULT '',
    "importBatchId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "rejectionReason" TEXT,
    "verifiedById" INTEGER,
    "verifiedAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Placement_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Placement_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "Posting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Placement_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Placement_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "PlacementImport" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Placement" ("applicationId", "countyCode", "createdAt", "createdById", "employerName", "groups", "id", "idHash", "idNumberEnc", "idNumberMasked", "kind", "organizationId", "personName", "personUserId", "postingId", "regionCode", "rejectionReason", "returneeKind", "source", "startDate", "status", "updatedAt", "verifiedAt", "verifiedById") SELECT "applicationId", "countyCode", "createdAt", "createdById", "employerName", "groups", "id", "idHash", "idNumberEnc", "idNumberMasked", "kind", "organizationId", "personName", "personUserId", "postingId", "regionCode", "rejectionReason", "returneeKind", "source", "startDate", "status", "updatedAt", "verifiedAt", "verifiedById" FROM "Placement";
DROP TABLE "Placement";
ALTER TABLE "new_Placement" RENAME TO "Placement";
CREATE UNIQUE INDEX "Placement_applicationId_key" ON "Placement"("applicationId");
CREATE INDEX "Placement_countyCode_status_idx" ON "Placement"("countyCode", "status");
CREATE INDEX "Placement_idHash_idx" ON "Placement"("idHash");
CREATE INDEX "Placement_personKey_startDate_idx" ON "Placement"("personKey", "startDate");
CREATE INDEX "Placement_regionCode_status_idx" ON "Placement"("regionCode", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_code_key" ON "Plan"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_planId_code_key" ON "Indicator"("planId", "code");

-- CreateIndex
CREATE INDEX "Target_regionCode_year_idx" ON "Target"("regionCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Target_indicatorId_regionCode_year_key" ON "Target"("indicatorId", "regionCode", "year");

-- CreateIndex
CREATE INDEX "IndicatorCredit_indicatorId_year_countyCode_idx" ON "IndicatorCredit"("indicatorId", "year", "countyCode");

-- CreateIndex
CREATE INDEX "IndicatorCredit_indicatorId_year_regionCode_idx" ON "IndicatorCredit"("indicatorId", "year", "regionCode");

-- CreateIndex
CREATE INDEX "IndicatorCredit_placementId_idx" ON "IndicatorCredit"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorCredit_indicatorId_year_personKey_key" ON "IndicatorCredit"("indicatorId", "year", "personKey");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorFigure_indicatorId_regionCode_year_month_key" ON "IndicatorFigure"("indicatorId", "regionCode", "year", "month");


-- Existing placements: who each person is for counting.
UPDATE "Placement" SET "personKey" = COALESCE("idHash", 'user:' || "personUserId", 'placement:' || "id") WHERE "personKey" = '';
