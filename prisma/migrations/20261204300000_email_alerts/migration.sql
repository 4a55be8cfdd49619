-- Alerts without an account (confirmed by email) and alerts that follow a person's recommendations.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SavedSearch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER,
    "emailEnc" TEXT,
    "emailHash" TEXT,
    "source" TEXT NOT NULL DEFAULT 'search',
    "query" TEXT NOT NULL,
    "frequency" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "lang" TEXT NOT NULL DEFAULT 'zh-CN',
    "token" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastCheckedAt" DATETIME NOT NULL,
    "nextRunAt" DATETIME NOT NULL,
    "lastSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Every alert so far was saved by a signed-in person: confirmed when it was made.
INSERT INTO "new_SavedSearch" ("channels", "confirmedAt", "createdAt", "frequency", "id", "lang", "lastCheckedAt", "lastSentAt", "nextRunAt", "query", "token", "userId") SELECT "channels", "createdAt", "createdAt", "frequency", "id", "lang", "lastCheckedAt", "lastSentAt", "nextRunAt", "query", "token", "userId" FROM "SavedSearch";
DROP TABLE "SavedSearch";
ALTER TABLE "new_SavedSearch" RENAME TO "SavedSearch";
CREATE UNIQUE INDEX "SavedSearch_token_key" ON "SavedSearch"("token");
CREATE INDEX "SavedSearch_nextRunAt_idx" ON "SavedSearch"("nextRunAt");
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");
CREATE INDEX "SavedSearch_emailHash_idx" ON "SavedSearch"("emailHash");
CREATE INDEX "SavedSearch_confirmedAt_createdAt_idx" ON "SavedSearch"("confirmedAt", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
