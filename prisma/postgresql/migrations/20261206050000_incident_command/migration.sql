-- Emergency command (ADR 0013): incident lifecycle columns, append-only incident and unit events,
-- dispatch units, edited run cards.

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'reported',
ADD COLUMN     "incidentType" TEXT NOT NULL DEFAULT 'other',
ADD COLUMN     "commanderId" TEXT,
ADD COLUMN     "cameraIds" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "IncidentEvent" (
    "id" SERIAL NOT NULL,
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
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchUnit" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "departmentId" TEXT,
    "teamId" TEXT,
    "districtCode" TEXT,
    "status" TEXT NOT NULL DEFAULT 'available',
    "statusSince" TIMESTAMP(3) NOT NULL,
    "incidentId" TEXT,
    "homeLon" DOUBLE PRECISION NOT NULL,
    "homeLat" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "DispatchUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitEvent" (
    "id" SERIAL NOT NULL,
    "unitId" TEXT NOT NULL,
    "incidentId" TEXT,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunCardRow" (
    "incidentType" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "needs" TEXT NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunCardRow_pkey" PRIMARY KEY ("incidentType","level")
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
CREATE FUNCTION "incident_history_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: history is never updated or deleted', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "IncidentEvent_append_only" BEFORE UPDATE OR DELETE ON "IncidentEvent"
FOR EACH ROW EXECUTE FUNCTION "incident_history_append_only"();

CREATE TRIGGER "UnitEvent_append_only" BEFORE UPDATE OR DELETE ON "UnitEvent"
FOR EACH ROW EXECUTE FUNCTION "incident_history_append_only"();
