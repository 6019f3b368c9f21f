// Reference data every installation starts with: scorecard template v1, appraisal quarters,
// grade rules, the competency model v1 and the course catalogue.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEFAULT_TEMPLATE, DEFAULT_BANDS } from "../../lib/domain/scoring";
import { DEFAULT_GRADE_RULES } from "../../lib/domain/promotion";
import type { Quarter } from "../../lib/domain/dates";
import { seedCompetencyModel } from "./competencies";
import { seedCourses } from "./courses";

export async function seedReferenceData(db: PrismaClient, { quarters, lastOpen }: { quarters: Quarter[]; lastOpen: Quarter }) {
  const template = await db.scorecardTemplate.create({
    data: { version: 1, name: "对公客户经理平衡计分卡（默认）", dimensions: DEFAULT_TEMPLATE as object, bands: DEFAULT_BANDS as object },
  });
  await db.appraisalQuarter.createMany({
    data: quarters.map((quarter) => ({
      quarter,
      templateId: template.id,
      status: quarter === lastOpen ? ("OPEN" as const) : ("LOCKED" as const),
      lockedAt: quarter === lastOpen ? null : new Date(),
    })),
  });
  await db.gradeRuleSet.create({
    data: { effectiveFromQuarter: "2020Q1", rules: DEFAULT_GRADE_RULES as object, note: "默认晋级条件（依据对公客户经理管理办法）" },
  });
  await seedCompetencyModel(db);
  await seedCourses(db);
  return { templateId: template.id };
}
