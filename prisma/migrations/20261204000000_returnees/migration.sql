-- CreateTable
CREATE TABLE "ReturneeRegistration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER,
    "name" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "phoneMasked" TEXT,
    "phoneHash" TEXT,
    "emailEnc" TEXT,
    "emailMasked" TEXT,
    "emailHash" TEXT,
    "homeCounty" TEXT NOT NULL,
    "homeTown" TEXT,
    "regionCode" TEXT NOT NULL,
    "awayCityCode" TEXT,
    "returneeKind" TEXT NOT NULL,
    "trade" TEXT NOT NULL,
    "skills" TEXT NOT NULL DEFAULT '',
    "intentions" TEXT NOT NULL DEFAULT ',',
    "timing" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'zh-CN',
    "status" TEXT NOT NULL DEFAULT 'away',
    "returnedAt" DATETIME,
    "placementId" INTEGER,
    "placedAt" DATETIME,
    "token" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "savedSearchId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturneeRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReturneeRegistration_placementId_fkey" FOREIGN KEY ("placementId") REFERENCES "Placement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturneeContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "registrationId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReturneeContact_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "ReturneeRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReturneeEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regionCode" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ReturneeEventReply" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "registrationId" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReturneeEventReply_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ReturneeEvent" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReturneeEventReply_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "ReturneeRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturneeRegistration_userId_key" ON "ReturneeRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturneeRegistration_placementId_key" ON "ReturneeRegistration"("placementId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturneeRegistration_token_key" ON "ReturneeRegistration"("token");

-- CreateIndex
CREATE INDEX "ReturneeRegistration_regionCode_status_idx" ON "ReturneeRegistration"("regionCode", "status");

-- CreateIndex
CREATE INDEX "ReturneeRegistration_phoneHash_idx" ON "ReturneeRegistration"("phoneHash");

-- CreateIndex
CREATE INDEX "ReturneeRegistration_emailHash_idx" ON "ReturneeRegistration"("emailHash");

-- CreateIndex
CREATE INDEX "ReturneeContact_registrationId_idx" ON "ReturneeContact"("registrationId");

-- CreateIndex
CREATE INDEX "ReturneeEvent_regionCode_startsAt_idx" ON "ReturneeEvent"("regionCode", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReturneeEventReply_eventId_registrationId_key" ON "ReturneeEventReply"("eventId", "registrationId");

-- CreateIndex
CREATE INDEX "ReturneeEventReply_registrationId_idx" ON "ReturneeEventReply"("registrationId");
