"use server";

import { defineFormAction } from "@/lib/server/action";
import { saveGradeRules } from "@/lib/server/dal/review/rules";
import { GradeRulesInput, PROMOTION_TARGETS } from "@/lib/schemas/review";
import type { GradeRule } from "@/lib/domain/promotion";

export const saveGradeRulesAction = defineFormAction({
  permission: "rules.edit",
  schema: GradeRulesInput,
  run: (viewer, data) => {
    const rules = Object.fromEntries(
      PROMOTION_TARGETS.map((g) => [
        g,
        { minTenureMonths: data[`tenure_${g}`], certifications: data[`certs_${g}`], byCertification: data[`byCert_${g}`] } satisfies GradeRule,
      ]),
    ) as Record<(typeof PROMOTION_TARGETS)[number], GradeRule>;
    return saveGradeRules(viewer, { effectiveFromQuarter: data.effectiveFromQuarter, rules, note: data.note });
  },
  revalidate: ["/hr/rules", ["/hr/review", "layout"]],
  done: (_result, data) => ({ ok: true, message: `新版晋级条件已保存，自 ${data.effectiveFromQuarter} 起适用` }),
});
