-- CreateTable
CREATE TABLE "Handover" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shiftStart" DATETIME NOT NULL,
    "shiftEnd" DATETIME NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "fromName" TEXT NOT NULL,
    "fromRole" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "toUserId" TEXT,
    "toName" TEXT,
    "toNote" TEXT NOT NULL DEFAULT '',
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "drill" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "Handover_createdAt_idx" ON "Handover"("createdAt");
