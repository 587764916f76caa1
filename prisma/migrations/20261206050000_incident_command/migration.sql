-- Emergency command (ADR 0013): incident lifecycle columns, append-only incident and unit events,
-- dispatch units, edited run cards.

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'reported';
ALTER TABLE "Incident" ADD COLUMN "incidentType" TEXT NOT NULL DEFAULT 'other';
ALTER TABLE "Incident" ADD COLUMN "commanderId" TEXT;
ALTER TABLE "Incident" ADD COLUMN "cameraIds" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Incident" ADD COLUMN "summary" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "unitId" TEXT,
    "unitStatus" TEXT,
    "actorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DispatchUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "departmentId" TEXT,
    "teamId" TEXT,
    "districtCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'available',
    "statusSince" DATETIME NOT NULL,
    "incidentId" TEXT,
    "homeLon" REAL NOT NULL,
    "homeLat" REAL NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "UnitEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" TEXT NOT NULL,
    "incidentId" TEXT,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RunCardRow" (
    "incidentType" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "needs" TEXT NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("incidentType", "level")
);

-- CreateIndex
CREATE INDEX "IncidentEvent_incidentId_id_idx" ON "IncidentEvent"("incidentId", "id");

-- CreateIndex
CREATE INDEX "DispatchUnit_status_idx" ON "DispatchUnit"("status");

-- CreateIndex
CREATE INDEX "DispatchUnit_incidentId_idx" ON "DispatchUnit"("incidentId");

-- CreateIndex
CREATE INDEX "UnitEvent_unitId_id_idx" ON "UnitEvent"("unitId", "id");

-- CreateIndex
CREATE INDEX "UnitEvent_incidentId_idx" ON "UnitEvent"("incidentId");

-- Incident and unit histories are never edited, only appended (hand-written: Prisma does not model triggers).
CREATE TRIGGER "IncidentEvent_no_update" BEFORE UPDATE ON "IncidentEvent"
BEGIN
    SELECT RAISE(ABORT, 'IncidentEvent is append-only: history is never updated');
END;

CREATE TRIGGER "IncidentEvent_no_delete" BEFORE DELETE ON "IncidentEvent"
BEGIN
    SELECT RAISE(ABORT, 'IncidentEvent is append-only: history is never deleted');
END;

CREATE TRIGGER "UnitEvent_no_update" BEFORE UPDATE ON "UnitEvent"
BEGIN
    SELECT RAISE(ABORT, 'UnitEvent is append-only: history is never updated');
END;

CREATE TRIGGER "UnitEvent_no_delete" BEFORE DELETE ON "UnitEvent"
BEGIN
    SELECT RAISE(ABORT, 'UnitEvent is append-only: history is never deleted');
END;
