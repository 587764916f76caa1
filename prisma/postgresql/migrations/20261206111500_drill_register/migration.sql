-- CreateTable
CREATE TABLE "Drill" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT,
    "startedBy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "scenario" TEXT,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Drill_status_idx" ON "Drill"("status");
