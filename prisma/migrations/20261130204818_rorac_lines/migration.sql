-- CreateTable
CREATE TABLE "RoracLine" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "stockIncome" DECIMAL(14,2) NOT NULL,
    "stockDirectCost" DECIMAL(14,2) NOT NULL,
    "stockMgmtCost" DECIMAL(14,2) NOT NULL,
    "stockFixedCost" DECIMAL(14,2) NOT NULL,
    "stockRiskCost" DECIMAL(14,2) NOT NULL,
    "stockTax" DECIMAL(14,2) NOT NULL,
    "newIncome" DECIMAL(14,2) NOT NULL,
    "newDirectCost" DECIMAL(14,2) NOT NULL,
    "newMgmtCost" DECIMAL(14,2) NOT NULL,
    "newFixedCost" DECIMAL(14,2) NOT NULL,
    "newRiskCost" DECIMAL(14,2) NOT NULL,
    "newTax" DECIMAL(14,2) NOT NULL,
    "stockAgeYears" DECIMAL(5,2) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoracLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoracTarget" (
    "userId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "target" DECIMAL(14,2) NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoracTarget_pkey" PRIMARY KEY ("userId","quarter")
);

-- CreateIndex
CREATE INDEX "RoracLine_quarter_userId_idx" ON "RoracLine"("quarter", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "RoracLine_userId_quarter_line_key" ON "RoracLine"("userId", "quarter", "line");

-- AddForeignKey
ALTER TABLE "RoracLine" ADD CONSTRAINT "RoracLine_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoracLine" ADD CONSTRAINT "RoracLine_quarter_fkey" FOREIGN KEY ("quarter") REFERENCES "AppraisalQuarter"("quarter") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoracTarget" ADD CONSTRAINT "RoracTarget_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoracTarget" ADD CONSTRAINT "RoracTarget_quarter_fkey" FOREIGN KEY ("quarter") REFERENCES "AppraisalQuarter"("quarter") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The review preview's reason sentences now name certifications by HR's Chinese names
-- (CertificationType): renaming one makes the cached preview stale, like any other input.
-- (RoracLine/RoracTarget need no trigger: they feed a rating only when the scorecard is saved.)
CREATE CONSTRAINT TRIGGER "CertificationType_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CertificationType"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (eagle_claim_bump(ARRAY['review'])) EXECUTE FUNCTION eagle_bump_data_version('review');
