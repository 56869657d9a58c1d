-- Lianxin schema version 4: keep org_party_orgs."MemberCount" equal to the number of living members per organization.
CREATE FUNCTION mem_members_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD."IsDeleted" THEN
        UPDATE org_party_orgs SET "MemberCount" = "MemberCount" - 1 WHERE "Id" = OLD."OrgId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW."IsDeleted" THEN
        UPDATE org_party_orgs SET "MemberCount" = "MemberCount" + 1 WHERE "Id" = NEW."OrgId";
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER mem_members_count_insert AFTER INSERT ON mem_members
    FOR EACH ROW EXECUTE FUNCTION mem_members_count();
CREATE TRIGGER mem_members_count_update AFTER UPDATE OF "OrgId", "IsDeleted" ON mem_members
    FOR EACH ROW WHEN (OLD."OrgId" IS DISTINCT FROM NEW."OrgId" OR OLD."IsDeleted" IS DISTINCT FROM NEW."IsDeleted")
    EXECUTE FUNCTION mem_members_count();
CREATE TRIGGER mem_members_count_delete AFTER DELETE ON mem_members
    FOR EACH ROW EXECUTE FUNCTION mem_members_count();
