-- CreateEnum
CREATE TYPE "ContestEventKind" AS ENUM ('KNOWLEDGE_TEST', 'OPERATIONS', 'PITCH', 'TEAM_PROPOSAL');

-- CreateEnum
CREATE TYPE "ContestAwardKind" AS ENUM ('FIRST_PRIZE', 'SECOND_PRIZE', 'THIRD_PRIZE', 'EXCELLENT_TEAM', 'ELITE_INDIVIDUAL', 'ELITE_TEAM');

-- CreateTable
CREATE TABLE "ContestEvent" (
    "id" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "kind" "ContestEventKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "maxScore" DECIMAL(6,2) NOT NULL,
    "weight" DECIMAL(6,2) NOT NULL,
    "lockedAt" TIMESTAMP(3),
    "lockedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestEntrant" (
    "id" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnReason" TEXT,
    "withdrawnById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestEntrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestTeam" (
    "id" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "branchId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContestTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestTeamMember" (
    "teamId" TEXT NOT NULL,
    "entrantId" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,

    CONSTRAINT "ContestTeamMember_pkey" PRIMARY KEY ("teamId","entrantId")
);

-- CreateTable
CREATE TABLE "ContestJudge" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT,
    "externalName" TEXT,
    "branchId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContestJudge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestScore" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "entrantId" TEXT,
    "teamId" TEXT,
    "judgeId" TEXT,
    "score" DECIMAL(6,2) NOT NULL,
    "enteredById" TEXT,
    "correctionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContestScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContestAward" (
    "id" TEXT NOT NULL,
    "phaseId" TEXT NOT NULL,
    "kind" "ContestAwardKind" NOT NULL,
    "ranking" TEXT,
    "entrantId" TEXT,
    "teamId" TEXT,
    "quarter" TEXT NOT NULL,
    "note" TEXT,
    "grantedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "ContestAward_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContestEvent_phaseId_kind_key" ON "ContestEvent"("phaseId", "kind");

-- CreateIndex
CREATE INDEX "ContestEntrant_userId_idx" ON "ContestEntrant"("userId");

-- CreateIndex
CREATE INDEX "ContestEntrant_branchId_idx" ON "ContestEntrant"("branchId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestEntrant_phaseId_userId_key" ON "ContestEntrant"("phaseId", "userId");

-- CreateIndex
CREATE INDEX "ContestTeam_branchId_idx" ON "ContestTeam"("branchId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestTeam_phaseId_name_key" ON "ContestTeam"("phaseId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ContestTeamMember_phaseId_entrantId_key" ON "ContestTeamMember"("phaseId", "entrantId");

-- CreateIndex
CREATE INDEX "ContestJudge_userId_idx" ON "ContestJudge"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestJudge_eventId_userId_key" ON "ContestJudge"("eventId", "userId");

-- CreateIndex
CREATE INDEX "ContestScore_eventId_idx" ON "ContestScore"("eventId");

-- CreateIndex
CREATE INDEX "ContestScore_entrantId_idx" ON "ContestScore"("entrantId");

-- CreateIndex
CREATE INDEX "ContestScore_teamId_idx" ON "ContestScore"("teamId");

-- CreateIndex
CREATE INDEX "ContestAward_phaseId_idx" ON "ContestAward"("phaseId");

-- CreateIndex
CREATE INDEX "ContestAward_quarter_idx" ON "ContestAward"("quarter");

-- CreateIndex
CREATE INDEX "ContestAward_entrantId_idx" ON "ContestAward"("entrantId");

-- CreateIndex
CREATE INDEX "ContestAward_teamId_idx" ON "ContestAward"("teamId");

-- AddForeignKey
ALTER TABLE "ContestEvent" ADD CONSTRAINT "ContestEvent_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEntrant" ADD CONSTRAINT "ContestEntrant_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEntrant" ADD CONSTRAINT "ContestEntrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestEntrant" ADD CONSTRAINT "ContestEntrant_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestTeam" ADD CONSTRAINT "ContestTeam_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestTeam" ADD CONSTRAINT "ContestTeam_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestTeamMember" ADD CONSTRAINT "ContestTeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "ContestTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestTeamMember" ADD CONSTRAINT "ContestTeamMember_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "ContestEntrant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestJudge" ADD CONSTRAINT "ContestJudge_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ContestEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestJudge" ADD CONSTRAINT "ContestJudge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestJudge" ADD CONSTRAINT "ContestJudge_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "ContestEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "ContestEntrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "ContestTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "ContestJudge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestAward" ADD CONSTRAINT "ContestAward_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestAward" ADD CONSTRAINT "ContestAward_entrantId_fkey" FOREIGN KEY ("entrantId") REFERENCES "ContestEntrant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContestAward" ADD CONSTRAINT "ContestAward_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "ContestTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: one score per judge per entrant/team, one per entrant for unjudged events;
-- a score belongs to exactly one of an entrant or a team; a judge is a user or an external name.
CREATE UNIQUE INDEX "ContestScore_judge_entrant_key" ON "ContestScore" ("judgeId", "entrantId") WHERE "judgeId" IS NOT NULL AND "entrantId" IS NOT NULL;
CREATE UNIQUE INDEX "ContestScore_judge_team_key" ON "ContestScore" ("judgeId", "teamId") WHERE "judgeId" IS NOT NULL AND "teamId" IS NOT NULL;
CREATE UNIQUE INDEX "ContestScore_event_entrant_unjudged_key" ON "ContestScore" ("eventId", "entrantId") WHERE "judgeId" IS NULL;
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_one_target" CHECK (("entrantId" IS NULL) <> ("teamId" IS NULL));
ALTER TABLE "ContestScore" ADD CONSTRAINT "ContestScore_not_negative" CHECK ("score" >= 0);
ALTER TABLE "ContestJudge" ADD CONSTRAINT "ContestJudge_user_or_name" CHECK (("userId" IS NULL) <> ("externalName" IS NULL));
ALTER TABLE "ContestAward" ADD CONSTRAINT "ContestAward_one_holder" CHECK (("entrantId" IS NULL) <> ("teamId" IS NULL));
CREATE UNIQUE INDEX "ContestJudge_event_external_key" ON "ContestJudge" ("eventId", "externalName") WHERE "externalName" IS NOT NULL;
