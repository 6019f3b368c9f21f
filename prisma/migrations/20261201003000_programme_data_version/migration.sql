-- A fourth data version, "programme", for HR's programme-progress panel (lib/server/dal/dashboard/
-- hr.ts): it aggregates every attendance, evaluation and follow-up of the newest programme year
-- (~150,000 rows at 10,000 people) and is now cached per version like the other panels. A write to
-- any table it reads bumps it once per committing transaction (the functions of
-- 20261130175322_current_grade_table_and_data_versions).
INSERT INTO "DataVersion" ("topic", "version") VALUES ('programme', 0) ON CONFLICT ("topic") DO NOTHING;

CREATE CONSTRAINT TRIGGER "ProgrammeYear_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ProgrammeYear"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "Phase_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Phase"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "PhaseParticipant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PhaseParticipant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "TrainingSession_data_version" AFTER INSERT OR UPDATE OR DELETE ON "TrainingSession"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "Attendance_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Attendance"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "Evaluation_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Evaluation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "ActionPlan_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ActionPlan"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');
CREATE CONSTRAINT TRIGGER "ActionPlanFollowUp_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ActionPlanFollowUp"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['programme'])) EXECUTE FUNCTION eagle_bump_data_version('programme');

-- The account manager's home (/me) is cached per person and data versions: everything it shows must
-- bump a version when it changes. A contest team's name is in the priority marks ("review", as the
-- other contest tables), and the profile carries the e-mail address.
CREATE CONSTRAINT TRIGGER "ContestTeam_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContestTeam"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
DROP TRIGGER "User_data_version" ON "User";
CREATE CONSTRAINT TRIGGER "User_data_version"
  AFTER INSERT OR DELETE OR UPDATE OF "name", "employeeNo", "email", "role", "status", "branchId", "roleStartDate", "exitedAt" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review', 'competency', 'courses'])) EXECUTE FUNCTION eagle_bump_data_version('review', 'competency', 'courses');
