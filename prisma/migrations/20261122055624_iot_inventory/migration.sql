-- AlterTable
ALTER TABLE "GridCell" ADD COLUMN "inspectorId" TEXT;

-- CreateTable
CREATE TABLE "Camera" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "deviceType" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "heading" REAL NOT NULL,
    "fov" REAL NOT NULL,
    "ptz" BOOLEAN NOT NULL DEFAULT false,
    "streamUrl" TEXT NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'online',
    "statusAt" DATETIME
);

-- CreateTable
CREATE TABLE "Sensor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "partId" TEXT,
    "ownerDepartmentId" TEXT,
    "intervalS" INTEGER NOT NULL DEFAULT 60,
    "status" TEXT NOT NULL DEFAULT 'normal',
    "lastValue" REAL,
    "lastSeenAt" DATETIME
);

-- CreateTable
CREATE TABLE "SensorThreshold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sensorType" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "clearMargin" REAL NOT NULL,
    "debounce" INTEGER NOT NULL DEFAULT 2,
    "unit" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Alarm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sensorId" TEXT NOT NULL,
    "sensorType" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "direction" TEXT,
    "threshold" REAL,
    "value" REAL,
    "peak" REAL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "unit" TEXT NOT NULL DEFAULT '',
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "departmentId" TEXT,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    "decidedAt" DATETIME,
    "decidedBy" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "caseId" TEXT,
    "incidentId" TEXT,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "caseIds" TEXT NOT NULL DEFAULT '[]',
    "departmentIds" TEXT NOT NULL DEFAULT '[]',
    "createdBy" TEXT,
    "startedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "depotName" TEXT NOT NULL,
    "depotLon" REAL NOT NULL,
    "depotLat" REAL NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 4
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "plate" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "heading" REAL NOT NULL DEFAULT 0,
    "speedKmh" REAL NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "lastSeenAt" DATETIME
);

-- CreateTable
CREATE TABLE "Detection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cameraId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "snapshotUrl" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "caseId" TEXT,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Division" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    "polygon" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Division_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Division" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Division" ("code", "level", "name", "nameEn", "parentCode") SELECT "code", "level", "name", "nameEn", "parentCode" FROM "Division";
DROP TABLE "Division";
ALTER TABLE "new_Division" RENAME TO "Division";
CREATE INDEX "Division_parentCode_idx" ON "Division"("parentCode");
CREATE INDEX "Division_level_idx" ON "Division"("level");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Camera_lon_lat_idx" ON "Camera"("lon", "lat");

-- CreateIndex
CREATE INDEX "Camera_owner_idx" ON "Camera"("owner");

-- CreateIndex
CREATE INDEX "Sensor_type_idx" ON "Sensor"("type");

-- CreateIndex
CREATE INDEX "Sensor_lon_lat_idx" ON "Sensor"("lon", "lat");

-- CreateIndex
CREATE UNIQUE INDEX "SensorThreshold_sensorType_level_direction_key" ON "SensorThreshold"("sensorType", "level", "direction");

-- CreateIndex
CREATE INDEX "Alarm_status_idx" ON "Alarm"("status");

-- CreateIndex
CREATE INDEX "Alarm_sensorId_status_idx" ON "Alarm"("sensorId", "status");

-- CreateIndex
CREATE INDEX "Alarm_firstSeenAt_idx" ON "Alarm"("firstSeenAt");

-- CreateIndex
CREATE INDEX "Alarm_incidentId_idx" ON "Alarm"("incidentId");

-- CreateIndex
CREATE INDEX "Incident_status_idx" ON "Incident"("status");

-- CreateIndex
CREATE INDEX "Vehicle_teamId_idx" ON "Vehicle"("teamId");

-- CreateIndex
CREATE INDEX "Detection_at_idx" ON "Detection"("at");

-- CreateIndex
CREATE INDEX "Detection_cameraId_idx" ON "Detection"("cameraId");

-- CreateIndex
CREATE INDEX "GridCell_inspectorId_idx" ON "GridCell"("inspectorId");

-- CreateIndex
CREATE INDEX "Part_gridCellId_idx" ON "Part"("gridCellId");
