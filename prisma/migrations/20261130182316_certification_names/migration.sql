-- CreateTable
CREATE TABLE "CertificationType" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificationType_pkey" PRIMARY KEY ("code")
);

-- The one code the domain itself names (见习期考核) starts with its name; HR names the others.
INSERT INTO "CertificationType" ("code", "name", "updatedAt") VALUES ('PROBATION', '见习期考核', CURRENT_TIMESTAMP);
