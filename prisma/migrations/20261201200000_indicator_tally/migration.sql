-- CreateTable
CREATE TABLE "IndicatorTally" (
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    PRIMARY KEY ("indicatorId", "year", "month", "regionCode")
);

-- CreateIndex
CREATE INDEX "IndicatorTally_year_regionCode_idx" ON "IndicatorTally"("year", "regionCode");

-- The tally follows every credit row in the same transaction.
CREATE TRIGGER "IndicatorCredit_tally_insert" AFTER INSERT ON "IndicatorCredit" BEGIN
  INSERT INTO "IndicatorTally" ("indicatorId", "year", "month", "regionCode", "countyCode", "n")
  VALUES (NEW."indicatorId", NEW."year", NEW."month", NEW."regionCode", NEW."countyCode", 1)
  ON CONFLICT ("indicatorId", "year", "month", "regionCode") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "IndicatorCredit_tally_delete" AFTER DELETE ON "IndicatorCredit" BEGIN
  UPDATE "IndicatorTally" SET "n" = "n" - 1
  WHERE "indicatorId" = OLD."indicatorId" AND "year" = OLD."year" AND "month" = OLD."month" AND "regionCode" = OLD."regionCode";
END;

CREATE TRIGGER "IndicatorCredit_tally_update" AFTER UPDATE ON "IndicatorCredit" BEGIN
  UPDATE "IndicatorTally" SET "n" = "n" - 1
  WHERE "indicatorId" = OLD."indicatorId" AND "year" = OLD."year" AND "month" = OLD."month" AND "regionCode" = OLD."regionCode";
  INSERT INTO "IndicatorTally" ("indicatorId", "year", "month", "regionCode", "countyCode", "n")
  VALUES (NEW."indicatorId", NEW."year", NEW."month", NEW."regionCode", NEW."countyCode", 1)
  ON CONFLICT ("indicatorId", "year", "month", "regionCode") DO UPDATE SET "n" = "n" + 1;
END;

-- Existing credits.
INSERT INTO "IndicatorTally" ("indicatorId", "year", "month", "regionCode", "countyCode", "n")
SELECT "indicatorId", "year", "month", "regionCode", MIN("countyCode"), COUNT(*) FROM "IndicatorCredit" GROUP BY "indicatorId", "year", "month", "regionCode";
