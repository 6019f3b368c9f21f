-- CreateTable
CREATE TABLE "BranchMembership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "startReason" TEXT NOT NULL,
    "endReason" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BranchMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonalGoal" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "shortTerm" TEXT NOT NULL,
    "longTerm" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalGoal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BranchMembership_userId_startDate_idx" ON "BranchMembership"("userId", "startDate");

-- CreateIndex
CREATE INDEX "BranchMembership_branchId_startDate_idx" ON "BranchMembership"("branchId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "PersonalGoal_userId_quarter_key" ON "PersonalGoal"("userId", "quarter");

-- AddForeignKey
ALTER TABLE "BranchMembership" ADD CONSTRAINT "BranchMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchMembership" ADD CONSTRAINT "BranchMembership_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalGoal" ADD CONSTRAINT "PersonalGoal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing people: one open period from their role start (or creation) in their current branch.
INSERT INTO "BranchMembership" ("id", "userId", "branchId", "role", "startDate", "startReason", "note")
SELECT 'bm_' || u.id, u.id, u."branchId", u.role, COALESCE(u."roleStartDate", u."createdAt"::date), 'SEED', '迁移时按当前机构登记'
FROM "User" u;
UPDATE "BranchMembership" m SET "endDate" = COALESCE(u."exitedAt"::date, CURRENT_DATE), "endReason" = 'EXIT'
FROM "User" u WHERE u.id = m."userId" AND u.status = 'EXITED' AND m."endDate" IS NULL;

-- The branch a person belonged to on a day (reports count a rating, cycle or course record for the
-- branch of that time). Falls back to the current branch when no period covers the day.
CREATE OR REPLACE FUNCTION branch_at(p_user text, p_day date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT m."branchId" FROM "BranchMembership" m
      WHERE m."userId" = p_user AND m."startDate" <= p_day AND (m."endDate" IS NULL OR m."endDate" > p_day)
      ORDER BY m."startDate" DESC LIMIT 1),
    (SELECT u."branchId" FROM "User" u WHERE u.id = p_user)
  )
$$;

-- The probation path (issue 12): rule sets written from the defaults before byCertification existed
-- get the new default for 初级; rule sets HR saved keep exactly what HR gave.
UPDATE "GradeRuleSet"
SET "rules" = jsonb_set("rules"::jsonb, '{JUNIOR,byCertification}', 'true'::jsonb)
WHERE "createdById" IS NULL AND "rules" ? 'JUNIOR' AND NOT ("rules"->'JUNIOR') ? 'byCertification';
