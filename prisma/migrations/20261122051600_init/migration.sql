-- CreateTable
CREATE TABLE "Division" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "parentCode" TEXT,
    CONSTRAINT "Division_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Division" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GridCell" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "communityCode" TEXT NOT NULL,
    "streetCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "polygon" TEXT NOT NULL,
    "minLon" REAL NOT NULL,
    "minLat" REAL NOT NULL,
    "maxLon" REAL NOT NULL,
    "maxLat" REAL NOT NULL,
    "centerLon" REAL NOT NULL,
    "centerLat" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "districtCode" TEXT,
    "streetCode" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "DepartmentCategory" (
    "departmentId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    PRIMARY KEY ("departmentId", "categoryId"),
    CONSTRAINT "DepartmentCategory_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DepartmentCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "majorCode" TEXT NOT NULL,
    "minorCode" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "defaultUrgency" TEXT NOT NULL DEFAULT 'normal',
    "autoDispatch" BOOLEAN NOT NULL DEFAULT false,
    "safetyCritical" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateTable
CREATE TABLE "TimeLimit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "categoryId" TEXT,
    "urgency" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Part" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "categoryId" TEXT NOT NULL,
    "ownerDepartmentId" TEXT,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "gridCellId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'normal'
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "caseNumber" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "partId" TEXT,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "gridCellId" TEXT,
    "districtCode" TEXT,
    "streetCode" TEXT,
    "communityCode" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "photos" TEXT NOT NULL DEFAULT '[]',
    "urgency" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "resumeState" TEXT,
    "outcome" TEXT,
    "departmentId" TEXT,
    "suggestedDepartmentId" TEXT,
    "routingReason" TEXT NOT NULL DEFAULT '',
    "reporterId" TEXT,
    "externalRef" TEXT,
    "duplicateOfId" TEXT,
    "mergedIntoId" TEXT,
    "reworkCount" INTEGER NOT NULL DEFAULT 0,
    "clockStep" TEXT,
    "stepStartedAt" DATETIME,
    "stepDeadline" DATETIME,
    "stepLimitMinutes" INTEGER,
    "stepLimitUnit" TEXT,
    "suspendedAt" DATETIME,
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "escalations" TEXT NOT NULL DEFAULT '[]',
    "nextEscalationAt" DATETIME,
    "resumeAt" DATETIME,
    "overallDeadline" DATETIME,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reportedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseSerial" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Outbox" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Division_parentCode_idx" ON "Division"("parentCode");

-- CreateIndex
CREATE INDEX "Division_level_idx" ON "Division"("level");

-- CreateIndex
CREATE INDEX "GridCell_districtCode_idx" ON "GridCell"("districtCode");

-- CreateIndex
CREATE INDEX "GridCell_minLon_minLat_idx" ON "GridCell"("minLon", "minLat");

-- CreateIndex
CREATE INDEX "Department_kind_districtCode_idx" ON "Department"("kind", "districtCode");

-- CreateIndex
CREATE INDEX "DepartmentCategory_categoryId_idx" ON "DepartmentCategory"("categoryId");

-- CreateIndex
CREATE INDEX "Category_parentId_idx" ON "Category"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Category_kind_code_key" ON "Category"("kind", "code");

-- CreateIndex
CREATE UNIQUE INDEX "TimeLimit_categoryId_urgency_step_key" ON "TimeLimit"("categoryId", "urgency", "step");

-- CreateIndex
CREATE INDEX "Part_categoryId_idx" ON "Part"("categoryId");

-- CreateIndex
CREATE INDEX "Part_lon_lat_idx" ON "Part"("lon", "lat");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_caseNumber_key" ON "Case"("caseNumber");

-- CreateIndex
CREATE INDEX "Case_state_idx" ON "Case"("state");

-- CreateIndex
CREATE INDEX "Case_departmentId_state_idx" ON "Case"("departmentId", "state");

-- CreateIndex
CREATE INDEX "Case_districtCode_state_idx" ON "Case"("districtCode", "state");

-- CreateIndex
CREATE INDEX "Case_categoryId_reportedAt_idx" ON "Case"("categoryId", "reportedAt");

-- CreateIndex
CREATE INDEX "Case_stepDeadline_idx" ON "Case"("stepDeadline");

-- CreateIndex
CREATE INDEX "Case_nextEscalationAt_idx" ON "Case"("nextEscalationAt");

-- CreateIndex
CREATE INDEX "Case_resumeAt_idx" ON "Case"("resumeAt");

-- CreateIndex
CREATE INDEX "Case_reportedAt_idx" ON "Case"("reportedAt");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_id_idx" ON "CaseEvent"("caseId", "id");

-- CreateIndex
CREATE INDEX "Outbox_createdAt_idx" ON "Outbox"("createdAt");
