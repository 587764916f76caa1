-- CreateTable
CREATE TABLE "AdminChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT NOT NULL DEFAULT '{}',
    "after" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "AdminChange_entity_entityId_idx" ON "AdminChange"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AdminChange_at_idx" ON "AdminChange"("at");
