-- One audit table (docs/adr/0020): administration changes move from AdminChange into AuditEntry,
-- with the actor's name and the changed fields before and after. Hand-written data move.
ALTER TABLE "AuditEntry" ADD COLUMN "actorName" TEXT,
ADD COLUMN "before" TEXT,
ADD COLUMN "after" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_target_id_idx" ON "AuditEntry"("target", "id");

-- Existing administration changes, in their order, as admin.<entity>.<action> entries.
INSERT INTO "AuditEntry" ("at", "action", "actorId", "username", "role", "target", "outcome", "detail", "drill", "actorName", "before", "after")
SELECT "at", 'admin.' || "entity" || '.' || "action", "actorId", NULL, 'admin', "entity" || ':' || "entityId", 'ok', '{}', false, "actorName", "before", "after"
FROM "AdminChange" ORDER BY "id";

-- DropTable
DROP TABLE "AdminChange";

-- Thresholds of one sensor (sensorId set) replace its type's thresholds for that sensor.
ALTER TABLE "SensorThreshold" ADD COLUMN "sensorId" TEXT;

-- DropIndex
DROP INDEX "SensorThreshold_sensorType_level_direction_key";

-- CreateIndex
CREATE UNIQUE INDEX "SensorThreshold_sensorType_sensorId_level_direction_key" ON "SensorThreshold"("sensorType", "sensorId", "level", "direction");
