"use client";

import { useActionState, useId } from "react";
import { saveGradeRulesAction } from "@/lib/actions/grade-rules";
import { fieldValue, initialActionState } from "@/lib/actions/state";
import { GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import type { GradeRule } from "@/lib/domain/promotion";
import { FieldError } from "@/components/ui/field-error";
import { SubmitLine } from "@/components/ui/submit-row";
import { DataTable } from "@/components/ui/table";

const TARGETS: Grade[] = ["JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"];
const inputClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600";

export function RulesForm({ rules, defaultQuarter, earliest }: { rules: Record<Grade, GradeRule>; defaultQuarter: string; earliest: string | null }) {
  const [state, action, pending] = useActionState(saveGradeRulesAction, initialActionState);
  const id = useId();
  return (
    <form
      action={action}
      className="space-y-4"
      onSubmit={(e) => {
        if (!confirm("保存后，新条件将用于起始季度及以后的晋级评审，确定保存吗？")) e.preventDefault();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-from`} className="mb-1 block text-sm font-medium text-slate-700">
            自哪个季度起适用
          </label>
          <input
            id={`${id}-from`}
            name="effectiveFromQuarter"
            required
            placeholder="例如 2026Q4"
            defaultValue={fieldValue(state, "effectiveFromQuarter") ?? defaultQuarter}
            className={inputClass}
            aria-describedby={`${id}-from-hint`}
          />
          <p id={`${id}-from-hint`} className="mt-1 text-xs text-slate-600">
            {earliest ? `已提交评审的季度不再变更条件，最早可选 ${earliest}。` : "格式为 年份Q季度。"}同一起始季度再次保存会替换该版本。
          </p>
          <FieldError state={state} name="effectiveFromQuarter" />
        </div>
        <div>
          <label htmlFor={`${id}-note`} className="mb-1 block text-sm font-medium text-slate-700">
            调整说明（选填）
          </label>
          <input id={`${id}-note`} name="note" maxLength={200} defaultValue={fieldValue(state, "note")} className={inputClass} />
          <FieldError state={state} name="note" />
        </div>
      </div>
      <DataTable columns={["晋升为", "最低任职年限（月）", "须持有的认证代码（多个用逗号分隔）", "通过认证即可晋升"]}>
        {TARGETS.map((g) => (
          <tr key={g} className="border-t border-slate-100 align-top">
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              {GRADE_LABELS[g]}对公客户经理
            </th>
            <td className="py-2 pr-4">
              <label htmlFor={`${id}-tenure-${g}`} className="sr-only">
                {GRADE_LABELS[g]}最低任职年限（月）
              </label>
              <input
                id={`${id}-tenure-${g}`}
                name={`tenure_${g}`}
                inputMode="numeric"
                required
                defaultValue={fieldValue(state, `tenure_${g}`) ?? String(rules[g].minTenureMonths)}
                className={inputClass}
              />
              <FieldError state={state} name={`tenure_${g}`} />
            </td>
            <td className="py-2 pr-4">
              <label htmlFor={`${id}-certs-${g}`} className="sr-only">
                {GRADE_LABELS[g]}须持有的认证代码
              </label>
              <input
                id={`${id}-certs-${g}`}
                name={`certs_${g}`}
                placeholder="无"
                defaultValue={fieldValue(state, `certs_${g}`) ?? (rules[g].certifications ?? []).join(", ")}
                className={inputClass}
              />
              <FieldError state={state} name={`certs_${g}`} />
            </td>
            <td className="py-2">
              <label className="inline-flex items-center gap-2 whitespace-nowrap py-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  name={`byCert_${g}`}
                  defaultChecked={state.ok ? Boolean(rules[g].byCertification) : fieldValue(state, `byCert_${g}`) === "on"}
                  className="h-4 w-4"
                />
                <span>
                  是<span className="sr-only">（{GRADE_LABELS[g]}：通过所列认证即可晋升，无须连续两个季度优秀）</span>
                </span>
              </label>
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="text-xs text-slate-600">
        见习对公客户经理没有晋升条件：成为客户经理即为见习。勾选“通过认证即可晋升”后，下一级的人员满足任职年限、持有所列全部有效认证且其中至少一项在上次等级调整后通过，即在季度评审中晋升，无须连续两个季度优秀（连续两个季度基本合格及以下的降级、退出仍优先）。
      </p>
      <SubmitLine state={state} pending={pending} pendingText="正在保存…">
        保存为新版本
      </SubmitLine>
    </form>
  );
}
