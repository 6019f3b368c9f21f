"use client";

import { lockQuarterAction } from "@/lib/actions/appraisal";
import { DialogForm } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/submit-row";

/** 锁定季度, after a confirmation that says what the lock does (it cannot be undone). */
export function LockQuarterForm({
  quarter,
  label,
  unrated,
  maxExcellentPct,
  overCapBranches,
}: {
  quarter: string;
  label: string;
  unrated: number;
  maxExcellentPct: number | null;
  overCapBranches: number;
}) {
  return (
    <DialogForm
      serverAction={lockQuarterAction}
      opener={OPENER}
      title={`确认锁定${label}？`}
      hidden={{ quarter }}
      submit={{ label: "确认锁定", pendingText: "正在锁定…", tone: "danger" }}
      outside={(state) => (state.ok && state.message ? <FormMessage state={state} /> : null)}
    >
      {(state) => (
        <>
          <div className="space-y-3 text-sm text-slate-700">
            <p>锁定后支行长不能再录入或修改本季度的评级，此操作不可撤销；之后只有人力资源部可以逐条更正，且必须填写原因。</p>
            {unrated > 0 ? (
              <p className="font-medium text-amber-700">还有 {unrated} 名客户经理未评级：锁定后他们本季度没有评级，这会中断晋级或降级的连续季度计算。</p>
            ) : null}
            {maxExcellentPct !== null ? (
              <p>
                本季度评分模板的优秀比例上限为 {maxExcellentPct}%：锁定时每个机构超出上限的优秀（按得分由低到高，有说明的直接评级除外）将调整为良好
                {overCapBranches > 0 ? `，目前有 ${overCapBranches} 个机构超出` : ""}。
              </p>
            ) : null}
          </div>
          {!state.ok ? <FormMessage state={state} /> : null}
        </>
      )}
    </DialogForm>
  );
}

const OPENER = { label: "锁定季度", className: "rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800" };
