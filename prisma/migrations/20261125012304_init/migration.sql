-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('HR', 'BRANCH_HEAD', 'ACCOUNT_MANAGER', 'ASSISTANT');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'EXITED');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('TRAINEE', 'JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL');

-- CreateEnum
CREATE TYPE "GradeChangeReason" AS ENUM ('INITIAL', 'PROMOTION', 'DEMOTION', 'EXIT', 'MANUAL');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('EXCELLENT', 'GOOD', 'QUALIFIED', 'BASIC', 'UNQUALIFIED');

-- CreateEnum
CREATE TYPE "QuarterStatus" AS ENUM ('OPEN', 'LOCKED');

-- CreateEnum
CREATE TYPE "RatingSource" AS ENUM ('SCORE', 'MANUAL', 'IMPORT');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('DRAFT', 'COMMITTED', 'REVERTED');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('PROMOTE', 'DEMOTE', 'EXIT', 'NONE');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssessmentSource" AS ENUM ('SELF', 'MANAGER', 'PEER');

-- CreateEnum
CREATE TYPE "CourseTier" AS ENUM ('FOUNDATION', 'ADVANCED', 'EXPERT');

-- CreateEnum
CREATE TYPE "CourseCategory" AS ENUM ('PROFESSIONALISM', 'KNOWLEDGE', 'SKILLS');

-- CreateEnum
CREATE TYPE "Delivery" AS ENUM ('FACE_TO_FACE', 'ONLINE', 'CASE_STUDY', 'PRACTICE');

-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'WAIVED');

-- CreateEnum
CREATE TYPE "EnrolmentOrigin" AS ENUM ('REQUIRED', 'SELF', 'ASSIGNED');

-- CreateTable
CREATE TABLE "Branch" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isHeadOffice" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Branch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "employeeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "branchId" TEXT NOT NULL,
    "roleStartDate" DATE,
    "exitedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromGrade" "Grade",
    "toGrade" "Grade",
    "effectiveDate" DATE NOT NULL,
    "quarter" TEXT NOT NULL,
    "reason" "GradeChangeReason" NOT NULL,
    "reviewId" TEXT,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" TIMESTAMP(3),
    "voidNote" TEXT,

    CONSTRAINT "GradeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "passedOn" DATE NOT NULL,
    "validUntil" DATE,
    "score" DECIMAL(5,2),
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScorecardTemplate" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "dimensions" JSONB NOT NULL,
    "bands" JSONB NOT NULL,
    "maxExcellentPct" INTEGER,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScorecardTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppraisalQuarter" (
    "quarter" TEXT NOT NULL,
    "status" "QuarterStatus" NOT NULL DEFAULT 'OPEN',
    "templateId" TEXT NOT NULL,
    "lockedAt" TIMESTAMP(3),
    "lockedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppraisalQuarter_pkey" PRIMARY KEY ("quarter")
);

-- CreateTable
CREATE TABLE "Appraisal" (
    "id" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "values" JSONB,
    "score" DECIMAL(6,2),
    "rating" "Rating",
    "source" "RatingSource" NOT NULL,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appraisal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GradeRuleSet" (
    "id" TEXT NOT NULL,
    "effectiveFromQuarter" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GradeRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionReview" (
    "id" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'DRAFT',
    "ruleSetId" TEXT,
    "rulesSnapshot" JSONB,
    "quotas" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),
    "committedById" TEXT,
    "revertedAt" TIMESTAMP(3),
    "revertedById" TEXT,
    "revertReason" TEXT,

    CONSTRAINT "PromotionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewExclusion" (
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewExclusion_pkey" PRIMARY KEY ("reviewId","userId")
);

-- CreateTable
CREATE TABLE "ReviewEntry" (
    "reviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fromGrade" "Grade" NOT NULL,
    "toGrade" "Grade",
    "outcome" "ReviewOutcome" NOT NULL,
    "applied" BOOLEAN NOT NULL,
    "blockedBy" TEXT[],
    "reason" TEXT NOT NULL,

    CONSTRAINT "ReviewEntry_pkey" PRIMARY KEY ("reviewId","userId")
);

-- CreateTable
CREATE TABLE "CompetencyModel" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetencyModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Competency" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "indicators" JSONB NOT NULL,

    CONSTRAINT "Competency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencyRequirement" (
    "competencyId" TEXT NOT NULL,
    "grade" "Grade" NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "CompetencyRequirement_pkey" PRIMARY KEY ("competencyId","grade")
);

-- CreateTable
CREATE TABLE "AssessmentCycle" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "weights" JSONB NOT NULL,
    "status" "CycleStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentCycleBranch" (
    "cycleId" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,

    CONSTRAINT "AssessmentCycleBranch_pkey" PRIMARY KEY ("cycleId","branchId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "assesseeId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "source" "AssessmentSource" NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentRating" (
    "assessmentId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "comment" TEXT,

    CONSTRAINT "AssessmentRating_pkey" PRIMARY KEY ("assessmentId","competencyId")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tier" "CourseTier" NOT NULL,
    "category" "CourseCategory" NOT NULL,
    "hours" DECIMAL(5,1) NOT NULL,
    "delivery" "Delivery" NOT NULL,
    "competencies" TEXT[],
    "required" BOOLEAN NOT NULL,
    "status" "CourseStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "origin" "EnrolmentOrigin" NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueDate" DATE,
    "startedAt" TIMESTAMP(3),
    "completedOn" DATE,
    "hours" DECIMAL(5,1),
    "examScore" DECIMAL(5,2),
    "waivedReason" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Branch_code_key" ON "Branch"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_employeeNo_key" ON "User"("employeeNo");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_branchId_role_status_idx" ON "User"("branchId", "role", "status");

-- CreateIndex
CREATE INDEX "GradeChange_userId_effectiveDate_idx" ON "GradeChange"("userId", "effectiveDate");

-- CreateIndex
CREATE INDEX "GradeChange_reviewId_idx" ON "GradeChange"("reviewId");

-- CreateIndex
CREATE INDEX "Certification_code_idx" ON "Certification"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certification_userId_code_passedOn_key" ON "Certification"("userId", "code", "passedOn");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE UNIQUE INDEX "ScorecardTemplate_version_key" ON "ScorecardTemplate"("version");

-- CreateIndex
CREATE INDEX "Appraisal_quarter_rating_idx" ON "Appraisal"("quarter", "rating");

-- CreateIndex
CREATE UNIQUE INDEX "Appraisal_userId_quarter_key" ON "Appraisal"("userId", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "GradeRuleSet_effectiveFromQuarter_key" ON "GradeRuleSet"("effectiveFromQuarter");

-- CreateIndex
CREATE INDEX "PromotionReview_quarter_status_idx" ON "PromotionReview"("quarter", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CompetencyModel_version_key" ON "CompetencyModel"("version");

-- CreateIndex
CREATE UNIQUE INDEX "Competency_modelId_code_key" ON "Competency"("modelId", "code");

-- CreateIndex
CREATE INDEX "Assessment_cycleId_source_submittedAt_idx" ON "Assessment"("cycleId", "source", "submittedAt");

-- CreateIndex
CREATE INDEX "Assessment_assessorId_idx" ON "Assessment"("assessorId");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_cycleId_assesseeId_assessorId_key" ON "Assessment"("cycleId", "assesseeId", "assessorId");

-- CreateIndex
CREATE INDEX "AssessmentRating_competencyId_idx" ON "AssessmentRating"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Course_code_key" ON "Course"("code");

-- CreateIndex
CREATE INDEX "Course_tier_category_idx" ON "Course"("tier", "category");

-- CreateIndex
CREATE INDEX "Enrolment_courseId_status_idx" ON "Enrolment"("courseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_userId_courseId_key" ON "Enrolment"("userId", "courseId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GradeChange" ADD CONSTRAINT "GradeChange_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PromotionReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certification" ADD CONSTRAINT "Certification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppraisalQuarter" ADD CONSTRAINT "AppraisalQuarter_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ScorecardTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_quarter_fkey" FOREIGN KEY ("quarter") REFERENCES "AppraisalQuarter"("quarter") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appraisal" ADD CONSTRAINT "Appraisal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionReview" ADD CONSTRAINT "PromotionReview_quarter_fkey" FOREIGN KEY ("quarter") REFERENCES "AppraisalQuarter"("quarter") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromotionReview" ADD CONSTRAINT "PromotionReview_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "GradeRuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewExclusion" ADD CONSTRAINT "ReviewExclusion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PromotionReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEntry" ADD CONSTRAINT "ReviewEntry_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PromotionReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Competency" ADD CONSTRAINT "Competency_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "CompetencyModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyRequirement" ADD CONSTRAINT "CompetencyRequirement_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCycle" ADD CONSTRAINT "AssessmentCycle_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "CompetencyModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentCycleBranch" ADD CONSTRAINT "AssessmentCycleBranch_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "AssessmentCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentRating" ADD CONSTRAINT "AssessmentRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───── Hand-written additions (not expressible in schema.prisma) ─────

-- The audit log is append-only: the database itself refuses to change or remove a row.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- At most one live (draft or committed) promotion review per quarter: a second commit of the
-- same quarter is refused by the database, not only by the UI.
CREATE UNIQUE INDEX "PromotionReview_one_live_per_quarter"
  ON "PromotionReview" ("quarter") WHERE "status" IN ('DRAFT', 'COMMITTED');

-- Each person's current grade, derived from the live (not voided) history: the latest change by
-- effective date, then by the order it was recorded. A NULL grade after an EXIT row means no grade.
CREATE VIEW "CurrentGrade" AS
SELECT DISTINCT ON (gc."userId")
  gc."userId", gc."toGrade" AS "grade", gc."effectiveDate" AS "since", gc."quarter", gc."reason"
FROM "GradeChange" gc
WHERE gc."voidedAt" IS NULL
ORDER BY gc."userId", gc."effectiveDate" DESC, gc."createdAt" DESC;
