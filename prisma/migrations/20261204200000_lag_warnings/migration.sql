-- CreateTable
CREATE TABLE "LagWarning" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "indicators" TEXT NOT NULL,
    "notified" INTEGER NOT NULL,
    "emailed" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "LagWarning_regionCode_day_key" ON "LagWarning"("regionCode", "day");
