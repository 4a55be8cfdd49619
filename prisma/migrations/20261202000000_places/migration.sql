-- Regions the national list no longer carries stay for the records that point to them.
ALTER TABLE "Region" ADD COLUMN "retiredAt" DATETIME;
ALTER TABLE "Region" ADD COLUMN "replacedBy" TEXT;

-- A point more precise than the town's, when the owner gives one.
ALTER TABLE "Posting" ADD COLUMN "lat" REAL;
ALTER TABLE "Posting" ADD COLUMN "lng" REAL;
ALTER TABLE "IncubationBase" ADD COLUMN "lat" REAL;
ALTER TABLE "IncubationBase" ADD COLUMN "lng" REAL;
ALTER TABLE "TrainingCourse" ADD COLUMN "lat" REAL;
ALTER TABLE "TrainingCourse" ADD COLUMN "lng" REAL;

CREATE TABLE "ServicePoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "hours" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "services" TEXT NOT NULL DEFAULT ',',
    "lat" REAL,
    "lng" REAL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
CREATE INDEX "ServicePoint_countyCode_idx" ON "ServicePoint"("countyCode");
CREATE INDEX "ServicePoint_regionCode_idx" ON "ServicePoint"("regionCode");
