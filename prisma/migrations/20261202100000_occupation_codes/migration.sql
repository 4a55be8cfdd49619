-- Posts and courses carry the occupation they are for, by the national classification (职业分类大典 2022).
ALTER TABLE "Posting" ADD COLUMN "occupationCode" TEXT;
ALTER TABLE "TrainingCourse" ADD COLUMN "occupationCode" TEXT;
CREATE INDEX "Posting_occupationCode_idx" ON "Posting"("occupationCode");
