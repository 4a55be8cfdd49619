-- Training that leads somewhere: learners enrol in a course online, the provider records attendance,
-- completion and the certificate, and a placement within six months of completing is linked to the
-- enrolment (after-training employment).
CREATE TABLE "TrainingEnrolment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "phoneMasked" TEXT,
    "subsidyRequested" BOOLEAN NOT NULL DEFAULT false,
    "subsidyEligible" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'enrolled',
    "attendedHours" INTEGER NOT NULL DEFAULT 0,
    "certificateCode" TEXT,
    "certificateNumber" TEXT,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingEnrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "TrainingCourse" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrainingEnrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "TrainingEnrolment_courseId_userId_key" ON "TrainingEnrolment"("courseId", "userId");
CREATE INDEX "TrainingEnrolment_userId_status_idx" ON "TrainingEnrolment"("userId", "status");

CREATE TABLE "TrainingEnrolmentEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "enrolmentId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrainingEnrolmentEvent_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "TrainingEnrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "TrainingEnrolmentEvent_enrolmentId_idx" ON "TrainingEnrolmentEvent"("enrolmentId");

-- A plain column (no foreign key) so the Placement table is not rebuilt: the enrolment a placement follows.
ALTER TABLE "Placement" ADD COLUMN "afterTrainingEnrolmentId" INTEGER;
CREATE INDEX "Placement_afterTrainingEnrolmentId_idx" ON "Placement"("afterTrainingEnrolmentId");
