-- Support and subsidies as data per region (issue 13, point 4): one row per entry of a region's
-- policy file (prisma/seed/policies/*.json); texts are zh/en JSON, the eligibility rule is JSON.
CREATE TABLE "Policy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "setCode" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "kinds" TEXT NOT NULL DEFAULT ',',
    "updatedAt" DATETIME NOT NULL
);

CREATE UNIQUE INDEX "Policy_regionCode_code_key" ON "Policy"("regionCode", "code");
CREATE INDEX "Policy_setCode_idx" ON "Policy"("setCode");
