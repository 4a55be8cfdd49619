-- CreateTable
CREATE TABLE "DifficultyPerson" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "recognisedAt" DATETIME NOT NULL,
    "assistedAt" DATETIME,
    "employedAt" DATETIME,
    "placementId" INTEGER,
    "closedAt" DATETIME,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ZeroEmploymentFamily" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "headName" TEXT NOT NULL,
    "headIdHash" TEXT NOT NULL,
    "headIdMasked" TEXT NOT NULL,
    "memberCount" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "recognisedAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "clearedByPlacementId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ZeroFamilyMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "familyId" INTEGER NOT NULL,
    "personKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "idNumberEnc" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    CONSTRAINT "ZeroFamilyMember_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "ZeroEmploymentFamily" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FullEmploymentCommunity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "villageCode" TEXT,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "recognisedAt" DATETIME NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LabourForceFigure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "urbanEmployed" INTEGER NOT NULL,
    "registeredUnemployed" INTEGER NOT NULL,
    "enteredById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DifficultyPerson_personKey_idx" ON "DifficultyPerson"("personKey");

-- CreateIndex
CREATE INDEX "DifficultyPerson_regionCode_recognisedAt_idx" ON "DifficultyPerson"("regionCode", "recognisedAt");

-- CreateIndex
CREATE INDEX "ZeroEmploymentFamily_regionCode_clearedAt_idx" ON "ZeroEmploymentFamily"("regionCode", "clearedAt");

-- CreateIndex
CREATE INDEX "ZeroFamilyMember_personKey_idx" ON "ZeroFamilyMember"("personKey");

-- CreateIndex
CREATE UNIQUE INDEX "ZeroFamilyMember_familyId_personKey_key" ON "ZeroFamilyMember"("familyId", "personKey");

-- CreateIndex
CREATE INDEX "FullEmploymentCommunity_year_regionCode_idx" ON "FullEmploymentCommunity"("year", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "FullEmploymentCommunity_regionCode_name_level_year_key" ON "FullEmploymentCommunity"("regionCode", "name", "level", "year");

-- CreateIndex
CREATE INDEX "LabourForceFigure_year_regionCode_idx" ON "LabourForceFigure"("year", "regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "LabourForceFigure_regionCode_year_month_key" ON "LabourForceFigure"("regionCode", "year", "month");

