-- A sensor type's own thresholds (sensorId NULL) are unique per level and direction. The unique index on
-- ("sensorType", "sensorId", "level", "direction") does not say so: NULLs are distinct in a unique index,
-- so two type-level rows for one level and direction could both stand. A partial unique index does.
-- Prisma's schema cannot declare it (see the comment on SensorThreshold in schema.prisma); written by hand.

-- Duplicates first: keep the row with the id the server writes ("type:level:direction"), else the
-- smallest id.
DELETE FROM "SensorThreshold"
WHERE "sensorId" IS NULL
  AND EXISTS (
    SELECT 1 FROM "SensorThreshold" AS "other"
    WHERE "other"."sensorId" IS NULL
      AND "other"."sensorType" = "SensorThreshold"."sensorType"
      AND "other"."level" = "SensorThreshold"."level"
      AND "other"."direction" = "SensorThreshold"."direction"
      AND "other"."id" <> "SensorThreshold"."id"
      AND (
        "other"."id" = "other"."sensorType" || ':' || "other"."level" || ':' || "other"."direction"
        OR (
          "SensorThreshold"."id" <> "SensorThreshold"."sensorType" || ':' || "SensorThreshold"."level" || ':' || "SensorThreshold"."direction"
          AND "other"."id" < "SensorThreshold"."id"
        )
      )
  );

-- CreateIndex
CREATE UNIQUE INDEX "SensorThreshold_type_level_direction_typewide_key" ON "SensorThreshold"("sensorType", "level", "direction") WHERE "sensorId" IS NULL;
