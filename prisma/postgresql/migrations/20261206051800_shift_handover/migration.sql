-- CreateTable
CREATE TABLE "Handover" (
    "id" TEXT NOT NULL,
    "shiftStart" TIMESTAMP(3) NOT NULL,
    "shiftEnd" TIMESTAMP(3) NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "fromName" TEXT NOT NULL,
    "fromRole" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "toUserId" TEXT,
    "toName" TEXT,
    "toNote" TEXT NOT NULL DEFAULT '',
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "drill" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Handover_createdAt_idx" ON "Handover"("createdAt");
