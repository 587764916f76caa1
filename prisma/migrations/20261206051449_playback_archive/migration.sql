-- CreateTable
CREATE TABLE "PlaybackEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "payload" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PlaybackFrame" (
    "at" DATETIME NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "state" BLOB NOT NULL
);

-- CreateTable
CREATE TABLE "GpsFix" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "vehicleId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "heading" REAL NOT NULL DEFAULT 0,
    "speedKmh" REAL NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "PlaybackEvent_at_idx" ON "PlaybackEvent"("at");

-- CreateIndex
CREATE INDEX "GpsFix_at_idx" ON "GpsFix"("at");

-- CreateIndex
CREATE INDEX "GpsFix_vehicleId_at_idx" ON "GpsFix"("vehicleId", "at");
