"use client";

import { useActionState, useId } from "react";
import { fieldValue, type ActionState } from "@/lib/actions/state";
import { correctScoreAction, importScoresAction, saveDirectScoresAction, submitJudgeScoreAction } from "@/lib/actions/contest";
import { ImportForm } from "@/components/ui/import-form";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { DialogForm } from "@/components/ui/dialog";
import { formatPoints } from "./text";
import { NameCell } from "./name-cell";
import { TextField, TextareaField } from "@/components/ui/fields";
import { DataTable } from "@/components/ui/table";

const LABEL = "mb-1 block text-sm font-medium";
const SCORE = { name: "score", type: "number", inputMode: "decimal", step: "0.01", min: "0" } as const;
const REASON = {
  name: "reason",
  required: true,
  minLength: 2,
  maxLength: 200,
  labelClassName: LABEL,
  inputClassName: "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm",
};

/**
 * One row of a judge's sheet: the entrant or team and a score box, or the score already given
 * (a judge scores once). Large touch targets for a tablet.
 */
export function JudgeScoreRow({
  eventId,
  judgeId,
  target,
  maxScore,
  locked,
}: {
  eventId: string;
  judgeId?: string;
  target: { id: string; name: string; detail: string; branchName: string; myScore: number | null };
  maxScore: number;
  locked: boolean;
}) {
  const [state, action, pending] = useActionState(submitJudgeScoreAction, { ok: true } as ActionState);
  const id = useId();
  // After a save the page is revalidated, so the score given comes back in `target.myScore`.
  const done = target.myScore !== null;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={`judge-row-${target.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-lg font-medium text-slate-900">{target.name}</p>
          <p className="text-sm text-slate-600">
            {target.branchName}
            {target.detail ? ` · ${target.detail}` : ""}
          </p>
        </div>
        {done ? (
          <p className="text-base text-emerald-800" data-testid="my-score">
            已评分：<span className="text-xl font-semibold tabular-nums">{formatPoints(target.myScore)}</span>
          </p>
        ) : locked ? (
          <p className="text-sm text-slate-600">已锁定，未评分</p>
        ) : (
          <form action={action} className="flex items-end gap-2">
            <input type="hidden" name="eventId" value={eventId} />
            {judgeId ? <input type="hidden" name="judgeId" value={judgeId} /> : null}
            <input type="hidden" name="targetId" value={target.id} />
            <TextField
              id={`${id}-score`}
              label={
                <>
                  分数（满分 {maxScore}）<span className="sr-only">：{target.name}</span>
                </>
              }
              {...SCORE}
              max={maxScore}
              required
              defaultValue={fieldValue(state, "score")}
              labelClassName="mb-1 block text-sm text-slate-700"
              inputClassName="h-12 w-32 rounded-md border border-slate-300 px-3 text-lg tabular-nums"
            />
            <SubmitButton pending={pending} pendingText="提交中…">
              提交<span className="sr-only">{target.name}的分数</span>
            </SubmitButton>
          </form>
        )}
      </div>
      {!state.ok ? (
        <div className="mt-2">
          <FieldError state={state} name="score" />
          <FormMessage state={{ ...state, fieldErrors: undefined }} />
        </div>
      ) : null}
    </li>
  );
}

/** HR enters the written test's or practical's scores for many entrants at once. */
export function DirectScoresForm({
  eventId,
  maxScore,
  locked,
  entrants,
}: {
  eventId: string;
  maxScore: number;
  locked: boolean;
  entrants: { id: string; name: string; employeeNo: string; branchName: string; score: number | null }[];
}) {
  const [state, action, pending] = useActionState(saveDirectScoresAction, { ok: true } as ActionState);
  const id = useId();
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="eventId" value={eventId} />
      <DataTable wrapperClassName="max-h-[32rem] overflow-auto" region="参赛人员分数" stickyHead columns={["姓名", "支行", `分数（满分 ${maxScore}）`]}>
        {entrants.map((e) => (
          <tr key={e.id} className="border-t border-slate-100">
            <NameCell name={e.name} detail={e.employeeNo} className="py-1 pr-4" />
            <td className="py-1 pr-4">{e.branchName}</td>
            <td className="py-1">
              <input type="hidden" name="entrantId" value={e.id} />
              <TextField
                id={`${id}-${e.id}`}
                label={`${e.name}的分数`}
                {...SCORE}
                name={`score.${e.id}`}
                max={maxScore}
                defaultValue={fieldValue(state, `score.${e.id}`) ?? e.score ?? ""}
                labelClassName="sr-only"
                inputClassName="w-28 rounded-md border border-slate-300 px-2 py-1 tabular-nums"
              />
            </td>
          </tr>
        ))}
      </DataTable>
      {locked ? <TextField id={`${id}-reason`} label="更正原因（已锁定，必填）" state={state} className="max-w-md" {...REASON} /> : null}
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="保存中…">
        {locked ? "保存更正" : "保存分数"}
      </SubmitButton>
    </form>
  );
}

/** HR corrects one score with a reason (before or after the lock); audited before/after. */
export function CorrectScoreButton({ scoreId, current, maxScore, who }: { scoreId: string; current: number; maxScore: number; who: string }) {
  const id = useId();
  const opener = {
    label: (
      <>
        更正<span className="sr-only">{who}的分数</span>
      </>
    ),
    className: "rounded-md border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100",
  };
  return (
    <DialogForm
      serverAction={correctScoreAction}
      opener={opener}
      title={`更正分数：${who}`}
      hidden={{ scoreId }}
      submit={{ label: "确认更正", pendingText: "保存中…" }}
      outside={(state) =>
        state.ok && state.message ? (
          <span className="ml-2 text-xs text-emerald-800" role="status">
            {state.message}
          </span>
        ) : null
      }
    >
      {(state) => (
        <>
          <p className="text-sm text-slate-700">
            当前分数 {formatPoints(current)}，满分 {maxScore}。更正会记入审计日志（更正前后的分数与原因）。
          </p>
          <TextField
            id={`${id}-score`}
            label="更正后的分数"
            state={state}
            {...SCORE}
            max={maxScore}
            required
            defaultValue={current}
            labelClassName={LABEL}
            inputClassName="w-32 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          <TextareaField id={`${id}-reason`} label="更正原因（必填）" state={state} rows={2} {...REASON} />
          {!state.ok ? <FormMessage state={state} /> : null}
        </>
      )}
    </DialogForm>
  );
}

/** Check a file first (nothing written), then import the same file when it is clean. */
export function ScoreImportForm({ eventId }: { eventId: string }) {
  return (
    <ImportForm
      action={importScoresAction}
      fields={{ eventId }}
      fileLabel="成绩文件"
      hint="列：工号、分数。先检查，文件中的每一处问题都会列出；全部无误后才能导入，一次写入全部分数。"
      confirmMessage={(rows) => `确定导入这 ${rows} 个分数吗？已录入的分数会被文件中的分数替换。`}
    />
  );
}
