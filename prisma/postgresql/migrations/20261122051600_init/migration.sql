-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Division" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "level" TEXT NOT NULL,
    "parentCode" TEXT,

    CONSTRAINT "Division_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "GridCell" (
    "id" TEXT NOT NULL,
    "communityCode" TEXT NOT NULL,
    "streetCode" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "polygon" TEXT NOT NULL,
    "minLon" DOUBLE PRECISION NOT NULL,
    "minLat" DOUBLE PRECISION NOT NULL,
    "maxLon" DOUBLE PRECISION NOT NULL,
    "maxLat" DOUBLE PRECISION NOT NULL,
    "centerLon" DOUBLE PRECISION NOT NULL,
    "centerLat" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "GridCell_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "districtCode" TEXT,
    "streetCode" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentCategory" (
    "departmentId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,

    CONSTRAINT "DepartmentCategory_pkey" PRIMARY KEY ("departmentId","categoryId")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
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
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeLimit" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT,
    "urgency" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "TimeLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Part" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "ownerDepartmentId" TEXT,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "gridCellId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'normal',

    CONSTRAINT "Part_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "caseNumber" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "partId" TEXT,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
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
    "stepStartedAt" TIMESTAMP(3),
    "stepDeadline" TIMESTAMP(3),
    "stepLimitMinutes" INTEGER,
    "stepLimitUnit" TEXT,
    "suspendedAt" TIMESTAMP(3),
    "pausedMinutes" INTEGER NOT NULL DEFAULT 0,
    "escalations" TEXT NOT NULL DEFAULT '[]',
    "nextEscalationAt" TIMESTAMP(3),
    "resumeAt" TIMESTAMP(3),
    "overallDeadline" TIMESTAMP(3),
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" SERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" TEXT,
    "role" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "data" TEXT NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseSerial" (
    "day" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "CaseSerial_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "seq" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "departmentId" TEXT,
    "districtCode" TEXT,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("seq")
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

-- AddForeignKey
ALTER TABLE "Division" ADD CONSTRAINT "Division_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Division"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentCategory" ADD CONSTRAINT "DepartmentCategory_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentCategory" ADD CONSTRAINT "DepartmentCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
