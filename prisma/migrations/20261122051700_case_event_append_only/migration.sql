-- A case's history is never edited, only appended (audit trail). Hand-written: Prisma does not model triggers.
CREATE TRIGGER "CaseEvent_no_update" BEFORE UPDATE ON "CaseEvent"
BEGIN
    SELECT RAISE(ABORT, 'CaseEvent is append-only: history is never updated');
END;

CREATE TRIGGER "CaseEvent_no_delete" BEFORE DELETE ON "CaseEvent"
BEGIN
    SELECT RAISE(ABORT, 'CaseEvent is append-only: history is never deleted');
END;
