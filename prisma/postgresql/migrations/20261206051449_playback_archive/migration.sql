-- CreateTable
CREATE TABLE "PlaybackEvent" (
    "seq" INTEGER NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "payload" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaybackEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PlaybackFrame" (
    "at" TIMESTAMP(3) NOT NULL,
    "seq" INTEGER NOT NULL,
    "state" BYTEA NOT NULL,

    CONSTRAINT "PlaybackFrame_pkey" PRIMARY KEY ("at")
);

-- CreateTable
CREATE TABLE "GpsFix" (
    "id" SERIAL NOT NULL,
    "vehicleId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "heading" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "speedKmh" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "GpsFix_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaybackEvent_at_idx" ON "PlaybackEvent"("at");

-- CreateIndex
CREATE INDEX "GpsFix_at_idx" ON "GpsFix"("at");

-- CreateIndex
CREATE INDEX "GpsFix_vehicleId_at_idx" ON "GpsFix"("vehicleId", "at");
