-- The rating sheet (lib/server/dal/appraisal/sheet.ts) is cached per page and data version: each
-- row shows the person's RORAC completion rate and the rating dialog fills the RORAC indicator from
-- it, so a business line or target entered or imported must move a version the sheet is keyed by.
-- They bump "review", as the ratings they feed do (the functions of
-- 20261130175322_current_grade_table_and_data_versions: once per committing transaction).
CREATE CONSTRAINT TRIGGER "RoracLine_data_version" AFTER INSERT OR UPDATE OR DELETE ON "RoracLine"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "RoracTarget_data_version" AFTER INSERT OR UPDATE OR DELETE ON "RoracTarget"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
-- A quarter's template (indicators, bands, the excellent cap) is shown by the sheet too. The app
-- writes a new template version instead of changing one, but an edit in place must not leave a
-- stale sheet either.
CREATE CONSTRAINT TRIGGER "ScorecardTemplate_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ScorecardTemplate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
