-- Lianxin schema version 4: keep org_party_orgs.MemberCount equal to the number of living members per organization.
CREATE TRIGGER "mem_members_count_insert" AFTER INSERT ON "mem_members" WHEN NEW."IsDeleted" = 0
BEGIN
    UPDATE "org_party_orgs" SET "MemberCount" = "MemberCount" + 1 WHERE "Id" = NEW."OrgId";
END;

CREATE TRIGGER "mem_members_count_update" AFTER UPDATE OF "OrgId", "IsDeleted" ON "mem_members"
BEGIN
    UPDATE "org_party_orgs" SET "MemberCount" = "MemberCount" - 1 WHERE "Id" = OLD."OrgId" AND OLD."IsDeleted" = 0;
    UPDATE "org_party_orgs" SET "MemberCount" = "MemberCount" + 1 WHERE "Id" = NEW."OrgId" AND NEW."IsDeleted" = 0;
END;

CREATE TRIGGER "mem_members_count_delete" AFTER DELETE ON "mem_members" WHEN OLD."IsDeleted" = 0
BEGIN
    UPDATE "org_party_orgs" SET "MemberCount" = "MemberCount" - 1 WHERE "Id" = OLD."OrgId";
END;
