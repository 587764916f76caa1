-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "username" TEXT,
    "role" TEXT,
    "address" TEXT,
    "target" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'ok',
    "detail" TEXT NOT NULL DEFAULT '{}',
    "drill" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- The audit trail is never edited, only appended. Hand-written: Prisma does not model triggers.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'AuditEntry is append-only: the audit trail is never updated or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
