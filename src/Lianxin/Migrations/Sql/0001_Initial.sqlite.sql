-- Lianxin schema version 1 (migration 20261122000001_Initial).
-- Generated once from the EF model with 'lianxin schema-sql' for this provider, then frozen; the
-- append-only triggers of the audit log at the end are hand-written. Never edit after release:
-- add a new migration instead.
CREATE TABLE "org_regions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_regions" PRIMARY KEY,
    "ParentId" TEXT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    CONSTRAINT "FK_org_regions_org_regions_ParentId" FOREIGN KEY ("ParentId") REFERENCES "org_regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "sys_audit_entries" (
    "Seq" INTEGER NOT NULL CONSTRAINT "PK_sys_audit_entries" PRIMARY KEY,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Ip" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "PrevHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "sys_roles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_sys_roles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "sys_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_sys_users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "OrgId" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSignInAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "org_party_orgs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_party_orgs" PRIMARY KEY,
    "ParentId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Code" TEXT NULL,
    "RegionId" TEXT NULL,
    "SecretaryName" TEXT NULL,
    "Segment" TEXT NOT NULL,
    "Path" TEXT NOT NULL,
    "Depth" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "CloseReason" TEXT NULL,
    CONSTRAINT "FK_org_party_orgs_org_party_orgs_ParentId" FOREIGN KEY ("ParentId") REFERENCES "org_party_orgs" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_org_party_orgs_org_regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "org_regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "sys_role_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sys_role_claims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_sys_role_claims_sys_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "sys_roles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "sys_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_sys_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_sys_user_claims_sys_users_UserId" FOREIGN KEY ("UserId") REFERENCES "sys_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "sys_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_sys_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_sys_user_logins_sys_users_UserId" FOREIGN KEY ("UserId") REFERENCES "sys_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "sys_user_roles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_sys_user_roles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_sys_user_roles_sys_roles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "sys_roles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_sys_user_roles_sys_users_UserId" FOREIGN KEY ("UserId") REFERENCES "sys_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "sys_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_sys_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_sys_user_tokens_sys_users_UserId" FOREIGN KEY ("UserId") REFERENCES "sys_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "mem_people" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_people" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "BirthDate" TEXT NOT NULL,
    "IdNumberCipher" TEXT NOT NULL,
    "IdNumberHash" TEXT NOT NULL,
    "IdNumberMasked" TEXT NOT NULL,
    "PhoneCipher" TEXT NULL,
    "PhoneHash" TEXT NULL,
    "PhoneMasked" TEXT NULL,
    "Address" TEXT NULL,
    "Education" TEXT NULL,
    "Ethnicity" TEXT NULL,
    "OrgId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "RegionId" TEXT NULL,
    "IsDeleted" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeleteReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_mem_people_org_party_orgs_OrgId" FOREIGN KEY ("OrgId") REFERENCES "org_party_orgs" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_mem_people_org_regions_RegionId" FOREIGN KEY ("RegionId") REFERENCES "org_regions" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "mem_members" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_members" PRIMARY KEY,
    "PersonId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "OrgId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "JoinedOn" TEXT NOT NULL,
    "FullMemberOn" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "IsDeleted" INTEGER NOT NULL,
    "DeletedAt" TEXT NULL,
    "DeleteReason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_mem_members_mem_people_PersonId" FOREIGN KEY ("PersonId") REFERENCES "mem_people" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_mem_members_org_party_orgs_OrgId" FOREIGN KEY ("OrgId") REFERENCES "org_party_orgs" ("Id") ON DELETE RESTRICT
);


CREATE INDEX "IX_mem_members_JoinedOn" ON "mem_members" ("JoinedOn");


CREATE INDEX "IX_mem_members_OrgId" ON "mem_members" ("OrgId");


CREATE INDEX "IX_mem_members_OrgPath_Name" ON "mem_members" ("OrgPath", "Name");


CREATE UNIQUE INDEX "IX_mem_members_PersonId" ON "mem_members" ("PersonId") WHERE "IsDeleted" = FALSE;


CREATE UNIQUE INDEX "IX_mem_people_IdNumberHash" ON "mem_people" ("IdNumberHash") WHERE "IsDeleted" = FALSE;


CREATE INDEX "IX_mem_people_OrgId" ON "mem_people" ("OrgId");


CREATE INDEX "IX_mem_people_OrgPath_Name" ON "mem_people" ("OrgPath", "Name");


CREATE INDEX "IX_mem_people_PhoneHash" ON "mem_people" ("PhoneHash");


CREATE INDEX "IX_mem_people_RegionId" ON "mem_people" ("RegionId");


CREATE INDEX "IX_org_party_orgs_Name" ON "org_party_orgs" ("Name");


CREATE INDEX "IX_org_party_orgs_ParentId" ON "org_party_orgs" ("ParentId");


CREATE UNIQUE INDEX "IX_org_party_orgs_Path" ON "org_party_orgs" ("Path");


CREATE INDEX "IX_org_party_orgs_RegionId" ON "org_party_orgs" ("RegionId");


CREATE UNIQUE INDEX "IX_org_party_orgs_Segment" ON "org_party_orgs" ("Segment");


CREATE UNIQUE INDEX "IX_org_regions_Code" ON "org_regions" ("Code");


CREATE INDEX "IX_org_regions_ParentId" ON "org_regions" ("ParentId");


CREATE INDEX "IX_sys_audit_entries_At" ON "sys_audit_entries" ("At");


CREATE INDEX "IX_sys_audit_entries_EntityType_EntityId" ON "sys_audit_entries" ("EntityType", "EntityId");


CREATE INDEX "IX_sys_audit_entries_UserName" ON "sys_audit_entries" ("UserName");


CREATE INDEX "IX_sys_role_claims_RoleId" ON "sys_role_claims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "sys_roles" ("NormalizedName");


CREATE INDEX "IX_sys_user_claims_UserId" ON "sys_user_claims" ("UserId");


CREATE INDEX "IX_sys_user_logins_UserId" ON "sys_user_logins" ("UserId");


CREATE INDEX "IX_sys_user_roles_RoleId" ON "sys_user_roles" ("RoleId");


CREATE INDEX "EmailIndex" ON "sys_users" ("NormalizedEmail");


CREATE INDEX "IX_sys_users_OrgId" ON "sys_users" ("OrgId");


CREATE UNIQUE INDEX "UserNameIndex" ON "sys_users" ("NormalizedUserName");




-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER "sys_audit_no_update" BEFORE UPDATE ON "sys_audit_entries"
BEGIN SELECT RAISE(ABORT, 'sys_audit_entries is append-only'); END;

CREATE TRIGGER "sys_audit_no_delete" BEFORE DELETE ON "sys_audit_entries"
BEGIN SELECT RAISE(ABORT, 'sys_audit_entries is append-only'); END;
