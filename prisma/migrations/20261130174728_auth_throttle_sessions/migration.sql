-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SignInThrottle_updatedAt_idx" ON "SignInThrottle"("updatedAt");

-- Sessions end server-side (issue 11): an exit or a new password ends every open session, by
-- whatever code path it happens (review commit, people admin, password change or reset).
CREATE FUNCTION "User_bump_session_version"() RETURNS trigger AS $$
BEGIN
  IF (NEW."status" = 'EXITED' AND OLD."status" IS DISTINCT FROM 'EXITED')
     OR NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    NEW."sessionVersion" := GREATEST(NEW."sessionVersion", OLD."sessionVersion" + 1);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "User_bump_session_version"
  BEFORE UPDATE OF "status", "passwordHash" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "User_bump_session_version"();
