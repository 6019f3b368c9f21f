-- CreateTable
CREATE TABLE "UserCurrentGrade" (
    "userId" TEXT NOT NULL,
    "grade" "Grade",
    "since" DATE NOT NULL,
    "quarter" TEXT NOT NULL,
    "reason" "GradeChangeReason" NOT NULL,
    "lastChangeQuarter" TEXT NOT NULL,

    CONSTRAINT "UserCurrentGrade_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "topic" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("topic")
);

-- CreateIndex
CREATE INDEX "UserCurrentGrade_grade_idx" ON "UserCurrentGrade"("grade");

-- ---------------------------------------------------------------------------------------------
-- Hand-written: the current grade kept by triggers, the view reading it, and data versions.
-- ---------------------------------------------------------------------------------------------

-- Recomputes "UserCurrentGrade" for some people from their live GradeChange rows (the latest by
-- effective date, then recording order). The people's User rows are locked first (FOR NO KEY
-- UPDATE, which does not conflict with the KEY SHARE lock of a GradeChange insert), so two
-- transactions changing the same person's history take turns and the second one recomputes
-- from a snapshot that includes the first one's rows.
CREATE FUNCTION eagle_refresh_current_grades(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "User" u WHERE u.id = ANY(ids) ORDER BY u.id FOR NO KEY UPDATE;
  DELETE FROM "UserCurrentGrade" c
  WHERE c."userId" = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM "GradeChange" gc WHERE gc."userId" = c."userId" AND gc."voidedAt" IS NULL);
  INSERT INTO "UserCurrentGrade" ("userId", "grade", "since", "quarter", "reason", "lastChangeQuarter")
  SELECT DISTINCT ON (gc."userId")
    gc."userId", gc."toGrade", gc."effectiveDate", gc."quarter", gc."reason",
    max(gc."quarter") OVER (PARTITION BY gc."userId")
  FROM "GradeChange" gc
  WHERE gc."userId" = ANY(ids) AND gc."voidedAt" IS NULL
  ORDER BY gc."userId", gc."effectiveDate" DESC, gc."createdAt" DESC
  ON CONFLICT ("userId") DO UPDATE SET
    "grade" = EXCLUDED."grade", "since" = EXCLUDED."since", "quarter" = EXCLUDED."quarter",
    "reason" = EXCLUDED."reason", "lastChangeQuarter" = EXCLUDED."lastChangeQuarter";
END $$;

-- Statement-level with transition tables: a review commit that writes thousands of changes
-- recomputes each person once, in one set-based statement.
CREATE FUNCTION "GradeChange_refresh_current_grade"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."userId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT x.uid) INTO ids FROM (SELECT n."userId" AS uid FROM new_rows n UNION SELECT o."userId" FROM old_rows o) x;
  ELSE
    SELECT array_agg(DISTINCT o."userId") INTO ids FROM old_rows o;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM eagle_refresh_current_grades(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "GradeChange_current_grade_insert" AFTER INSERT ON "GradeChange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "GradeChange_refresh_current_grade"();
CREATE TRIGGER "GradeChange_current_grade_update" AFTER UPDATE ON "GradeChange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "GradeChange_refresh_current_grade"();
CREATE TRIGGER "GradeChange_current_grade_delete" AFTER DELETE ON "GradeChange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "GradeChange_refresh_current_grade"();

CREATE FUNCTION "GradeChange_truncate_current_grade"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "UserCurrentGrade";
  RETURN NULL;
END $$;
CREATE TRIGGER "GradeChange_current_grade_truncate" AFTER TRUNCATE ON "GradeChange"
  FOR EACH STATEMENT EXECUTE FUNCTION "GradeChange_truncate_current_grade"();

-- Existing history.
INSERT INTO "UserCurrentGrade" ("userId", "grade", "since", "quarter", "reason", "lastChangeQuarter")
SELECT DISTINCT ON (gc."userId")
  gc."userId", gc."toGrade", gc."effectiveDate", gc."quarter", gc."reason",
  max(gc."quarter") OVER (PARTITION BY gc."userId")
FROM "GradeChange" gc
WHERE gc."voidedAt" IS NULL
ORDER BY gc."userId", gc."effectiveDate" DESC, gc."createdAt" DESC;

-- The view keeps its name and columns, so every reader now does an index lookup per person
-- instead of sorting the whole bank's history.
CREATE OR REPLACE VIEW "CurrentGrade" AS
SELECT c."userId", c."grade", c."since", c."quarter", c."reason"
FROM "UserCurrentGrade" c;

-- Data versions ("review", "competency", "courses"): bumped once per committing transaction
-- that wrote a table a cached computation reads. DEFERRABLE INITIALLY DEFERRED constraint triggers
-- run at commit, so the counter's row lock is held only for the commit itself, and the new version
-- becomes visible in the same instant as the data. A reader that reads the version BEFORE the data
-- can therefore never file old data under a new version (lib/server/cache.ts). The WHEN clause
-- claims the topics once per transaction (a transaction-local setting), so a bulk write queues one
-- commit-time event, not one per row.
INSERT INTO "DataVersion" ("topic", "version") VALUES ('review', 0), ('competency', 0), ('courses', 0);

CREATE FUNCTION eagle_claim_bump(topics text[]) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  t text;
  claimed boolean := false;
BEGIN
  FOREACH t IN ARRAY topics LOOP
    IF coalesce(current_setting('eagle.bump_' || t, true), '') <> '1' THEN
      PERFORM set_config('eagle.bump_' || t, '1', true);
      claimed := true;
    END IF;
  END LOOP;
  RETURN claimed;
END $$;

CREATE FUNCTION eagle_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "topic" = ANY(TG_ARGV);
  RETURN NULL;
END $$;

-- Read by the promotion review.
CREATE CONSTRAINT TRIGGER "Appraisal_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Appraisal"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "AppraisalQuarter_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AppraisalQuarter"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "Certification_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Certification"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "GradeRuleSet_data_version" AFTER INSERT OR UPDATE OR DELETE ON "GradeRuleSet"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "PromotionReview_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PromotionReview"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "ReviewExclusion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ReviewExclusion"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
-- Read by both.
CREATE CONSTRAINT TRIGGER "GradeChange_data_version" AFTER INSERT OR UPDATE OR DELETE ON "GradeChange"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review', 'competency'])) EXECUTE FUNCTION eagle_bump_data_version('review', 'competency');
-- Only the columns the computations read: a password change or a sign-in counter does not
-- invalidate anything.
CREATE CONSTRAINT TRIGGER "User_data_version"
  AFTER INSERT OR DELETE OR UPDATE OF "name", "employeeNo", "role", "status", "branchId", "roleStartDate", "exitedAt" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review', 'competency', 'courses'])) EXECUTE FUNCTION eagle_bump_data_version('review', 'competency', 'courses');
CREATE CONSTRAINT TRIGGER "Branch_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Branch"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review', 'competency', 'courses'])) EXECUTE FUNCTION eagle_bump_data_version('review', 'competency', 'courses');
-- Read by HR's course completion report.
CREATE CONSTRAINT TRIGGER "Enrolment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Enrolment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['courses'])) EXECUTE FUNCTION eagle_bump_data_version('courses');
CREATE CONSTRAINT TRIGGER "Course_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Course"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['courses'])) EXECUTE FUNCTION eagle_bump_data_version('courses');
-- Read by the bank competency heatmap.
CREATE CONSTRAINT TRIGGER "Assessment_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Assessment"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "AssessmentRating_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AssessmentRating"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "AssessmentCycle_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AssessmentCycle"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "AssessmentCycleBranch_data_version" AFTER INSERT OR UPDATE OR DELETE ON "AssessmentCycleBranch"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "CompetencyModel_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CompetencyModel"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "Competency_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Competency"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
CREATE CONSTRAINT TRIGGER "CompetencyRequirement_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CompetencyRequirement"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['competency'])) EXECUTE FUNCTION eagle_bump_data_version('competency');
