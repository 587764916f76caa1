-- Data only (issue 15): the demo trainer (培训管理员) for databases seeded before the trainer role existed.
-- Made from the demo leader's row (same demo password hash, same active flag); nothing happens on a fresh
-- database (the seed adds it) or where the demo leader or a user named trainer does not exist.
INSERT INTO "User" ("id", "username", "displayName", "role", "departmentId", "districtCode", "passwordHash", "active", "createdAt")
SELECT 'u-trainer', 'trainer', '培训管理员 孙教员', 'trainer', NULL, NULL, "passwordHash", "active", "createdAt"
FROM "User"
WHERE "id" = 'u-leader'
  AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = 'u-trainer' OR "username" = 'trainer');
