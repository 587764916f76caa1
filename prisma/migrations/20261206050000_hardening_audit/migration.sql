-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "username" TEXT,
    "role" TEXT,
    "address" TEXT,
    "target" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'ok',
    "detail" TEXT NOT NULL DEFAULT '{}',
    "drill" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- The audit trail is never edited, only appended. Hand-written: Prisma does not model triggers.
CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: the audit trail is never updated');
END;

CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
BEGIN
    SELECT RAISE(ABORT, 'AuditEntry is append-only: the audit trail is never deleted');
END;
