-- The cached computations (review preview, bank heatmap, course report) now also read tables that
-- arrived beside the caches: contest awards rank review candidates (honours), and the heatmap and
-- the course report count people for the branch they were in at the time (BranchMembership).
-- A write to any of them bumps the topics that read it, as the other tables do.
CREATE CONSTRAINT TRIGGER "ContestAward_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContestAward"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "ContestEntrant_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContestEntrant"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "ContestTeamMember_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ContestTeamMember"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
CREATE CONSTRAINT TRIGGER "BranchMembership_data_version" AFTER INSERT OR UPDATE OR DELETE ON "BranchMembership"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review', 'competency', 'courses'])) EXECUTE FUNCTION eagle_bump_data_version('review', 'competency', 'courses');
