-- AlterTable
ALTER TABLE "Division" ADD COLUMN     "polygon" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "GridCell" ADD COLUMN     "inspectorId" TEXT;

-- CreateTable
CREATE TABLE "Camera" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "deviceType" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "heading" DOUBLE PRECISION NOT NULL,
    "fov" DOUBLE PRECISION NOT NULL,
    "ptz" BOOLEAN NOT NULL DEFAULT false,
    "streamUrl" TEXT NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'online',
    "statusAt" TIMESTAMP(3),

    CONSTRAINT "Camera_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sensor" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "partId" TEXT,
    "ownerDepartmentId" TEXT,
    "intervalS" INTEGER NOT NULL DEFAULT 60,
    "status" TEXT NOT NULL DEFAULT 'normal',
    "lastValue" DOUBLE PRECISION,
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Sensor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SensorThreshold" (
    "id" TEXT NOT NULL,
    "sensorType" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "clearMargin" DOUBLE PRECISION NOT NULL,
    "debounce" INTEGER NOT NULL DEFAULT 2,
    "unit" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SensorThreshold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alarm" (
    "id" TEXT NOT NULL,
    "sensorId" TEXT NOT NULL,
    "sensorType" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "direction" TEXT,
    "threshold" DOUBLE PRECISION,
    "value" DOUBLE PRECISION,
    "peak" DOUBLE PRECISION,
    "count" INTEGER NOT NULL DEFAULT 1,
    "unit" TEXT NOT NULL DEFAULT '',
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "departmentId" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "clearedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "caseId" TEXT,
    "incidentId" TEXT,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Alarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "districtCode" TEXT,
    "gridCellId" TEXT,
    "caseIds" TEXT NOT NULL DEFAULT '[]',
    "departmentIds" TEXT NOT NULL DEFAULT '[]',
    "createdBy" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "depotName" TEXT NOT NULL,
    "depotLon" DOUBLE PRECISION NOT NULL,
    "depotLat" DOUBLE PRECISION NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 4,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vehicle" (
    "id" TEXT NOT NULL,
    "plate" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "heading" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "speedKmh" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "lastSeenAt" TIMESTAMP(3),

    CONSTRAINT "Vehicle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Detection" (
    "id" TEXT NOT NULL,
    "cameraId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "snapshotUrl" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "caseId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Detection_pkey" PRIMARY KEY ("id")
);

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
