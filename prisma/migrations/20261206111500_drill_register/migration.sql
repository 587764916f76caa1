-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioId" TEXT,
    "startedBy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "stoppedAt" DATETIME,
    "status" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "scenario" TEXT,
    "purgedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Drill_status_idx" ON "Drill"("status");
