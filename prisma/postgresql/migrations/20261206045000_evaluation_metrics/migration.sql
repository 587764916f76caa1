-- 综合评价 (docs/adr/0014): one CaseMetric row per case, kept by a trigger on CaseEvent in the same
-- transaction as each transition (the workflow code is unchanged); evaluation settings with history.

-- CreateTable
CREATE TABLE "CaseMetric" (
    "caseId" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "districtCode" TEXT,
    "streetCode" TEXT,
    "communityCode" TEXT,
    "gridCellId" TEXT,
    "departmentId" TEXT,
    "reporterId" TEXT,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "openedLate" INTEGER NOT NULL DEFAULT 0,
    "openerId" TEXT,
    "dispatched" INTEGER NOT NULL DEFAULT 0,
    "dispatchedLate" INTEGER NOT NULL DEFAULT 0,
    "dispatcherId" TEXT,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "handled" INTEGER NOT NULL DEFAULT 0,
    "handledLate" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMP(3),
    "late" INTEGER NOT NULL DEFAULT 0,
    "reworks" INTEGER NOT NULL DEFAULT 0,
    "suspended" INTEGER NOT NULL DEFAULT 0,
    "voided" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CaseMetric_pkey" PRIMARY KEY ("caseId")
);

-- CreateTable
CREATE TABLE "EvaluationSettingsVersion" (
    "id" SERIAL NOT NULL,
    "value" TEXT NOT NULL,
    "changedBy" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationSettingsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseMetric_reportedAt_idx" ON "CaseMetric"("reportedAt");

-- CreateIndex
CREATE INDEX "CaseMetric_closedAt_idx" ON "CaseMetric"("closedAt");

-- Hand-written: Prisma does not model triggers.
CREATE FUNCTION "case_metric_on_event"() RETURNS trigger AS $$
BEGIN
    INSERT INTO "CaseMetric" ("caseId", "reportedAt", "drill", "source", "categoryId", "reporterId")
        SELECT "id", "reportedAt", "drill", "source", "categoryId", "reporterId" FROM "Case" WHERE "id" = NEW."caseId"
        ON CONFLICT ("caseId") DO NOTHING;
    UPDATE "CaseMetric" SET
        ("categoryId", "districtCode", "streetCode", "communityCode", "gridCellId") =
            (SELECT "categoryId", "districtCode", "streetCode", "communityCode", "gridCellId" FROM "Case" WHERE "id" = NEW."caseId"),
        "departmentId" = COALESCE((SELECT "departmentId" FROM "Case" WHERE "id" = NEW."caseId"), "departmentId"),
        "opened" = CASE WHEN NEW."command" = 'open' THEN 1 ELSE "opened" END,
        "openerId" = CASE WHEN NEW."command" = 'open' AND "openerId" IS NULL THEN NEW."actorId" ELSE "openerId" END,
        "dispatched" = CASE WHEN NEW."command" IN ('dispatch', 'redispatch') THEN 1 ELSE "dispatched" END,
        "dispatcherId" = CASE WHEN NEW."command" IN ('dispatch', 'redispatch') AND "dispatched" = 0 THEN NEW."actorId" ELSE "dispatcherId" END,
        "returned" = "returned" + CASE WHEN NEW."command" = 'return' THEN 1 ELSE 0 END,
        "handled" = CASE WHEN NEW."command" = 'handle' THEN 1 ELSE "handled" END,
        "closed" = CASE WHEN NEW."command" IN ('approve', 'closeFailed') THEN 1 ELSE "closed" END,
        "closedAt" = CASE WHEN NEW."command" IN ('approve', 'closeFailed') THEN NEW."at" ELSE "closedAt" END,
        "reworks" = "reworks" + CASE WHEN NEW."command" = 'rework' THEN 1 ELSE 0 END,
        "suspended" = CASE WHEN NEW."command" = 'suspend' THEN 1 ELSE "suspended" END,
        "voided" = CASE WHEN NEW."command" = 'void' THEN 1 ELSE "voided" END,
        "late" = CASE WHEN NEW."command" = 'urge' AND NEW."data" LIKE '%"step":"%' THEN 1 ELSE "late" END,
        "openedLate" = CASE WHEN NEW."command" = 'urge' AND NEW."data" LIKE '%"step":"accept"%' THEN 1 ELSE "openedLate" END,
        "dispatchedLate" = CASE WHEN NEW."command" = 'urge' AND NEW."data" LIKE '%"step":"dispatch"%' THEN 1 ELSE "dispatchedLate" END,
        "handledLate" = CASE WHEN NEW."command" = 'urge' AND NEW."data" LIKE '%"step":"handle"%' THEN 1 ELSE "handledLate" END
    WHERE "caseId" = NEW."caseId";
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CaseMetric_on_event" AFTER INSERT ON "CaseEvent"
FOR EACH ROW EXECUTE FUNCTION "case_metric_on_event"();

-- Cases already in the database: the same facts folded from their history at once.
INSERT INTO "CaseMetric" ("caseId", "reportedAt", "drill", "source", "categoryId", "districtCode", "streetCode",
    "communityCode", "gridCellId", "departmentId", "reporterId", "opened", "openedLate", "openerId", "dispatched",
    "dispatchedLate", "dispatcherId", "returned", "handled", "handledLate", "closed", "closedAt", "late", "reworks",
    "suspended", "voided")
SELECT c."id", c."reportedAt", c."drill", c."source", c."categoryId", c."districtCode", c."streetCode",
    c."communityCode", c."gridCellId", c."departmentId", c."reporterId",
    MAX(CASE WHEN e."command" = 'open' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'urge' AND e."data" LIKE '%"step":"accept%' THEN 1 ELSE 0 END),
    (SELECT f."actorId" FROM "CaseEvent" f WHERE f."caseId" = c."id" AND f."command" IN ('open') ORDER BY f."id" LIMIT 1),
    MAX(CASE WHEN e."command" IN ('dispatch', 'redispatch') THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'urge' AND e."data" LIKE '%"step":"dispatch%' THEN 1 ELSE 0 END),
    (SELECT f."actorId" FROM "CaseEvent" f WHERE f."caseId" = c."id" AND f."command" IN ('dispatch', 'redispatch') ORDER BY f."id" LIMIT 1),
    SUM(CASE WHEN e."command" = 'return' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'handle' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'urge' AND e."data" LIKE '%"step":"handle%' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" IN ('approve', 'closeFailed') THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" IN ('approve', 'closeFailed') THEN e."at" END),
    MAX(CASE WHEN e."command" = 'urge' AND e."data" LIKE '%"step":"%' THEN 1 ELSE 0 END),
    SUM(CASE WHEN e."command" = 'rework' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'suspend' THEN 1 ELSE 0 END),
    MAX(CASE WHEN e."command" = 'void' THEN 1 ELSE 0 END)
FROM "Case" c JOIN "CaseEvent" e ON e."caseId" = c."id"
GROUP BY c."id";
