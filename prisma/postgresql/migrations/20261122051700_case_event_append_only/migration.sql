-- A case's history is never edited, only appended (audit trail). Hand-written: Prisma does not model triggers.
CREATE FUNCTION "case_event_append_only"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'CaseEvent is append-only: history is never updated or deleted';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "CaseEvent_append_only" BEFORE UPDATE OR DELETE ON "CaseEvent"
FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"();
