-- 综合评价 (docs/adr/0014): one CaseMetric row per case, kept by a trigger on CaseEvent in the same
-- transaction as each transition (the workflow code is unchanged); evaluation settings with history.

-- CreateTable
CREATE TABLE "CaseMetric" (
    "caseId" TEXT NOT NULL PRIMARY KEY,
    "reportedAt" DATETIME NOT NULL,
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
    "closedAt" DATETIME,
    "late" INTEGER NOT NULL DEFAULT 0,
    "reworks" INTEGER NOT NULL DEFAULT 0,
    "suspended" INTEGER NOT NULL DEFAULT 0,
    "voided" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "EvaluationSettingsVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "value" TEXT NOT NULL,
    "changedBy" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "changedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CaseMetric_reportedAt_idx" ON "CaseMetric"("reportedAt");

-- CreateIndex
CREATE INDEX "CaseMetric_closedAt_idx" ON "CaseMetric"("closedAt");

-- Hand-written: Prisma does not model triggers.
-- Only the commands that change a fact (accept, acceptTask, check, remind … change none).
CREATE TRIGGER "CaseMetric_on_event" AFTER INSERT ON "CaseEvent"
WHEN NEW."command" IN ('report', 'open', 'dispatch', 'redispatch', 'return', 'handle', 'approve', 'closeFailed', 'rework', 'suspend', 'void', 'urge')
BEGIN
    INSERT INTO "CaseMetric" ("caseId", "reportedAt", "drill", "source", "categoryId", "reporterId")
        SELECT "id", "reportedAt", "drill", "source", "categoryId", "reporterId" FROM "Case" WHERE "id" = NEW."caseId"
        ON CONFLICT ("caseId") DO NOTHING;
    UPDATE "CaseMetric" SET
        ("categoryId", "districtCode", "streetCode", "communityCode", "gridCellId", "departmentId") =
            (SELECT c."categoryId", c."districtCode", c."streetCode", c."communityCode", c."gridCellId",
                COALESCE(c."departmentId", "CaseMetric"."departmentId") FROM "Case" c WHERE c."id" = NEW."caseId"),
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
END;

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

-- CreateTable
CREATE TABLE "EvaluationDaily" (
    "day" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "streetCode" TEXT NOT NULL,
    "reports" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "openedInTime" INTEGER NOT NULL DEFAULT 0,
    "openedAccurately" INTEGER NOT NULL DEFAULT 0,
    "dueForHandling" INTEGER NOT NULL DEFAULT 0,
    "dispatchedInTime" INTEGER NOT NULL DEFAULT 0,
    "dispatchedAccurately" INTEGER NOT NULL DEFAULT 0,
    "handled" INTEGER NOT NULL DEFAULT 0,
    "handledInTime" INTEGER NOT NULL DEFAULT 0,
    "dueForClosing" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "closedInTime" INTEGER NOT NULL DEFAULT 0,
    "reworked" INTEGER NOT NULL DEFAULT 0,
    "reworkEvents" INTEGER NOT NULL DEFAULT 0,
    "overdueUnhandled" INTEGER NOT NULL DEFAULT 0,
    "suspended" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "departmentId", "districtCode", "streetCode")
);

-- Hand-written: the daily sums follow each CaseMetric row (drill rows never count).
CREATE TRIGGER "EvaluationDaily_on_insert" AFTER INSERT ON "CaseMetric" WHEN NEW."drill" = false
BEGIN
    INSERT INTO "EvaluationDaily" ("day", "departmentId", "districtCode", "streetCode", "reports", "opened", "openedInTime", "openedAccurately", "dueForHandling", "dispatchedInTime", "dispatchedAccurately", "handled", "handledInTime", "dueForClosing", "closed", "closedInTime", "reworked", "reworkEvents", "overdueUnhandled", "suspended")
        VALUES (date(NEW."reportedAt", '+8 hours'), COALESCE(NEW."departmentId", ''), COALESCE(NEW."districtCode", ''), COALESCE(NEW."streetCode", ''), (1), (NEW."opened"), (NEW."opened" * (1 - NEW."openedLate")), (NEW."opened" * (1 - NEW."voided")), (NEW."dispatched"), (NEW."dispatched" * (1 - NEW."dispatchedLate")), (CASE WHEN NEW."dispatched" = 1 AND NEW."returned" = 0 THEN 1 ELSE 0 END), (NEW."dispatched" * NEW."handled"), (NEW."dispatched" * NEW."handled" * (1 - NEW."handledLate")), (NEW."opened" * (1 - NEW."voided")), (NEW."closed"), (NEW."closed" * (1 - NEW."late")), (CASE WHEN NEW."reworks" > 0 THEN 1 ELSE 0 END), (NEW."reworks"), (NEW."dispatched" * (1 - NEW."handled") * NEW."handledLate" * (1 - NEW."voided")), (NEW."suspended"))
        ON CONFLICT ("day", "departmentId", "districtCode", "streetCode") DO UPDATE SET
            "reports" = "EvaluationDaily"."reports" + excluded."reports",
            "opened" = "EvaluationDaily"."opened" + excluded."opened",
            "openedInTime" = "EvaluationDaily"."openedInTime" + excluded."openedInTime",
            "openedAccurately" = "EvaluationDaily"."openedAccurately" + excluded."openedAccurately",
            "dueForHandling" = "EvaluationDaily"."dueForHandling" + excluded."dueForHandling",
            "dispatchedInTime" = "EvaluationDaily"."dispatchedInTime" + excluded."dispatchedInTime",
            "dispatchedAccurately" = "EvaluationDaily"."dispatchedAccurately" + excluded."dispatchedAccurately",
            "handled" = "EvaluationDaily"."handled" + excluded."handled",
            "handledInTime" = "EvaluationDaily"."handledInTime" + excluded."handledInTime",
            "dueForClosing" = "EvaluationDaily"."dueForClosing" + excluded."dueForClosing",
            "closed" = "EvaluationDaily"."closed" + excluded."closed",
            "closedInTime" = "EvaluationDaily"."closedInTime" + excluded."closedInTime",
            "reworked" = "EvaluationDaily"."reworked" + excluded."reworked",
            "reworkEvents" = "EvaluationDaily"."reworkEvents" + excluded."reworkEvents",
            "overdueUnhandled" = "EvaluationDaily"."overdueUnhandled" + excluded."overdueUnhandled",
            "suspended" = "EvaluationDaily"."suspended" + excluded."suspended";
END;

CREATE TRIGGER "EvaluationDaily_on_update" AFTER UPDATE ON "CaseMetric"
WHEN NEW."drill" = false AND (OLD."opened" IS NOT NEW."opened" OR OLD."openedLate" IS NOT NEW."openedLate" OR OLD."dispatched" IS NOT NEW."dispatched" OR OLD."dispatchedLate" IS NOT NEW."dispatchedLate" OR OLD."returned" IS NOT NEW."returned" OR OLD."handled" IS NOT NEW."handled" OR OLD."handledLate" IS NOT NEW."handledLate" OR OLD."closed" IS NOT NEW."closed" OR OLD."late" IS NOT NEW."late" OR OLD."reworks" IS NOT NEW."reworks" OR OLD."suspended" IS NOT NEW."suspended" OR OLD."voided" IS NOT NEW."voided" OR OLD."departmentId" IS NOT NEW."departmentId" OR OLD."districtCode" IS NOT NEW."districtCode" OR OLD."streetCode" IS NOT NEW."streetCode" OR OLD."reportedAt" IS NOT NEW."reportedAt")
BEGIN
    INSERT INTO "EvaluationDaily" ("day", "departmentId", "districtCode", "streetCode", "reports", "opened", "openedInTime", "openedAccurately", "dueForHandling", "dispatchedInTime", "dispatchedAccurately", "handled", "handledInTime", "dueForClosing", "closed", "closedInTime", "reworked", "reworkEvents", "overdueUnhandled", "suspended")
        VALUES (date(OLD."reportedAt", '+8 hours'), COALESCE(OLD."departmentId", ''), COALESCE(OLD."districtCode", ''), COALESCE(OLD."streetCode", ''), -(1), -(OLD."opened"), -(OLD."opened" * (1 - OLD."openedLate")), -(OLD."opened" * (1 - OLD."voided")), -(OLD."dispatched"), -(OLD."dispatched" * (1 - OLD."dispatchedLate")), -(CASE WHEN OLD."dispatched" = 1 AND OLD."returned" = 0 THEN 1 ELSE 0 END), -(OLD."dispatched" * OLD."handled"), -(OLD."dispatched" * OLD."handled" * (1 - OLD."handledLate")), -(OLD."opened" * (1 - OLD."voided")), -(OLD."closed"), -(OLD."closed" * (1 - OLD."late")), -(CASE WHEN OLD."reworks" > 0 THEN 1 ELSE 0 END), -(OLD."reworks"), -(OLD."dispatched" * (1 - OLD."handled") * OLD."handledLate" * (1 - OLD."voided")), -(OLD."suspended"))
        ON CONFLICT ("day", "departmentId", "districtCode", "streetCode") DO UPDATE SET
            "reports" = "EvaluationDaily"."reports" + excluded."reports",
            "opened" = "EvaluationDaily"."opened" + excluded."opened",
            "openedInTime" = "EvaluationDaily"."openedInTime" + excluded."openedInTime",
            "openedAccurately" = "EvaluationDaily"."openedAccurately" + excluded."openedAccurately",
            "dueForHandling" = "EvaluationDaily"."dueForHandling" + excluded."dueForHandling",
            "dispatchedInTime" = "EvaluationDaily"."dispatchedInTime" + excluded."dispatchedInTime",
            "dispatchedAccurately" = "EvaluationDaily"."dispatchedAccurately" + excluded."dispatchedAccurately",
            "handled" = "EvaluationDaily"."handled" + excluded."handled",
            "handledInTime" = "EvaluationDaily"."handledInTime" + excluded."handledInTime",
            "dueForClosing" = "EvaluationDaily"."dueForClosing" + excluded."dueForClosing",
            "closed" = "EvaluationDaily"."closed" + excluded."closed",
            "closedInTime" = "EvaluationDaily"."closedInTime" + excluded."closedInTime",
            "reworked" = "EvaluationDaily"."reworked" + excluded."reworked",
            "reworkEvents" = "EvaluationDaily"."reworkEvents" + excluded."reworkEvents",
            "overdueUnhandled" = "EvaluationDaily"."overdueUnhandled" + excluded."overdueUnhandled",
            "suspended" = "EvaluationDaily"."suspended" + excluded."suspended";
    INSERT INTO "EvaluationDaily" ("day", "departmentId", "districtCode", "streetCode", "reports", "opened", "openedInTime", "openedAccurately", "dueForHandling", "dispatchedInTime", "dispatchedAccurately", "handled", "handledInTime", "dueForClosing", "closed", "closedInTime", "reworked", "reworkEvents", "overdueUnhandled", "suspended")
        VALUES (date(NEW."reportedAt", '+8 hours'), COALESCE(NEW."departmentId", ''), COALESCE(NEW."districtCode", ''), COALESCE(NEW."streetCode", ''), (1), (NEW."opened"), (NEW."opened" * (1 - NEW."openedLate")), (NEW."opened" * (1 - NEW."voided")), (NEW."dispatched"), (NEW."dispatched" * (1 - NEW."dispatchedLate")), (CASE WHEN NEW."dispatched" = 1 AND NEW."returned" = 0 THEN 1 ELSE 0 END), (NEW."dispatched" * NEW."handled"), (NEW."dispatched" * NEW."handled" * (1 - NEW."handledLate")), (NEW."opened" * (1 - NEW."voided")), (NEW."closed"), (NEW."closed" * (1 - NEW."late")), (CASE WHEN NEW."reworks" > 0 THEN 1 ELSE 0 END), (NEW."reworks"), (NEW."dispatched" * (1 - NEW."handled") * NEW."handledLate" * (1 - NEW."voided")), (NEW."suspended"))
        ON CONFLICT ("day", "departmentId", "districtCode", "streetCode") DO UPDATE SET
            "reports" = "EvaluationDaily"."reports" + excluded."reports",
            "opened" = "EvaluationDaily"."opened" + excluded."opened",
            "openedInTime" = "EvaluationDaily"."openedInTime" + excluded."openedInTime",
            "openedAccurately" = "EvaluationDaily"."openedAccurately" + excluded."openedAccurately",
            "dueForHandling" = "EvaluationDaily"."dueForHandling" + excluded."dueForHandling",
            "dispatchedInTime" = "EvaluationDaily"."dispatchedInTime" + excluded."dispatchedInTime",
            "dispatchedAccurately" = "EvaluationDaily"."dispatchedAccurately" + excluded."dispatchedAccurately",
            "handled" = "EvaluationDaily"."handled" + excluded."handled",
            "handledInTime" = "EvaluationDaily"."handledInTime" + excluded."handledInTime",
            "dueForClosing" = "EvaluationDaily"."dueForClosing" + excluded."dueForClosing",
            "closed" = "EvaluationDaily"."closed" + excluded."closed",
            "closedInTime" = "EvaluationDaily"."closedInTime" + excluded."closedInTime",
            "reworked" = "EvaluationDaily"."reworked" + excluded."reworked",
            "reworkEvents" = "EvaluationDaily"."reworkEvents" + excluded."reworkEvents",
            "overdueUnhandled" = "EvaluationDaily"."overdueUnhandled" + excluded."overdueUnhandled",
            "suspended" = "EvaluationDaily"."suspended" + excluded."suspended";
END;

INSERT INTO "EvaluationDaily" ("day", "departmentId", "districtCode", "streetCode", "reports", "opened", "openedInTime", "openedAccurately", "dueForHandling", "dispatchedInTime", "dispatchedAccurately", "handled", "handledInTime", "dueForClosing", "closed", "closedInTime", "reworked", "reworkEvents", "overdueUnhandled", "suspended")
SELECT date(m."reportedAt", '+8 hours'), COALESCE(m."departmentId", ''), COALESCE(m."districtCode", ''), COALESCE(m."streetCode", ''), SUM(1), SUM(m."opened"), SUM(m."opened" * (1 - m."openedLate")), SUM(m."opened" * (1 - m."voided")), SUM(m."dispatched"), SUM(m."dispatched" * (1 - m."dispatchedLate")), SUM(CASE WHEN m."dispatched" = 1 AND m."returned" = 0 THEN 1 ELSE 0 END), SUM(m."dispatched" * m."handled"), SUM(m."dispatched" * m."handled" * (1 - m."handledLate")), SUM(m."opened" * (1 - m."voided")), SUM(m."closed"), SUM(m."closed" * (1 - m."late")), SUM(CASE WHEN m."reworks" > 0 THEN 1 ELSE 0 END), SUM(m."reworks"), SUM(m."dispatched" * (1 - m."handled") * m."handledLate" * (1 - m."voided")), SUM(m."suspended")
FROM "CaseMetric" m WHERE m."drill" = false
GROUP BY 1, 2, 3, 4;
