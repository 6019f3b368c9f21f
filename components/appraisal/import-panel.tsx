"use client";

import { startTransition, useActionState, useId, useState } from "react";
import { importAppraisalsAction, importRoracAction } from "@/lib/actions/appraisal";
import type { ActionState } from "@/lib/actions/state";
import type { ImportReport } from "@/lib/server/dal/appraisal/import";
import type { RoracImportReport } from "@/lib/server/dal/appraisal/rorac";
import type { FileImportReport } from "@/lib/domain/appraisal-import";
import { roracImportHeaders } from "@/lib/domain/rorac-lines";
import { RATINGS, RATING_LABELS } from "@/lib/domain/grades";
import { DataTable } from "@/components/ui/table";
import { TextField } from "@/components/ui/fields";

type ImportAction<R> = (state: ActionState<R>, form: FormData) => Promise<ActionState<R>>;

/** The ratings file of a quarter: by indicators or by rating, with a template to download. */
export function ImportPanel({ quarter, branchId }: { quarter: string; branchId: string | null }) {
  const templateHref = (format: "xlsx" | "csv") =>
    `/hr/appraisal/${quarter}/import-template?format=${format}${branchId ? `&branch=${encodeURIComponent(branchId)}` : ""}`;
  return (
    <FileImportPanel<ImportReport>
      action={importAppraisalsAction}
      quarter={quarter}
      fileLabel="考评文件"
      testId="import-panel"
      intro={
        <>
          文件需有「工号」列，并填写全部指标列（按指标中文名或代码；「行动计划跟进评分」不用填，系统按关联到本季度的行动计划评分自动取值；已录入业务条线的人「RORAC
          目标完成率」按条线计算，否则手工填写须在「说明」列写明原因），或填写「评级」（优秀/良好/合格/基本合格/不合格）和「说明」。先检查，文件没有任何问题后才能导入；导入在一个事务中完成，已有的评级会被覆盖并记入审计日志。
          下载模板：
          <a href={templateHref("xlsx")} className="mx-1 text-brand-700 hover:underline">
            Excel（.xlsx）
          </a>
          <a href={templateHref("csv")} className="text-brand-700 hover:underline">
            CSV
          </a>
          {branchId ? "（当前筛选的机构）" : "（全部在职客户经理）"}
        </>
      }
      summary={(report) =>
        `${RATINGS.filter((r) => report.byRating[r] > 0)
          .map((r) => `${RATING_LABELS[r]} ${report.byRating[r]}`)
          .join("，")}${report.replacing > 0 ? `；其中 ${report.replacing} 人已有评级，将被覆盖` : ""}`
      }
      confirmLabel={(report) => `确认导入 ${report.ready} 条`}
    />
  );
}

/** The RORAC business lines of a quarter: one row per line, a person's rows replace all their lines. */
export function RoracImportPanel({ quarter }: { quarter: string }) {
  return (
    <FileImportPanel<RoracImportReport>
      action={importRoracAction}
      quarter={quarter}
      fileLabel="业务条线文件"
      testId="rorac-import-panel"
      intro={
        <>
          每行一个业务条线，列为：{roracImportHeaders().join("、")}
          （金额单位万元；某一方没有业务可整组留空）。文件中出现的人，其本季度的业务条线和目标将整体替换。先检查，文件没有任何问题后才能导入，导入在一个事务中完成并记入审计日志。
        </>
      }
      summary={(report) => `${report.ready} 人、${report.lines} 个业务条线${report.replacing > 0 ? `；其中 ${report.replacing} 人已有业务条线，将被替换` : ""}`}
      confirmLabel={(report) => `确认导入 ${report.ready} 人的业务条线`}
      checkLabel="检查业务条线文件"
    />
  );
}

/** Upload → dry run listing every problem → import of a clean file in one transaction. */
function FileImportPanel<R extends FileImportReport>({
  action,
  quarter,
  fileLabel,
  testId,
  intro,
  summary,
  confirmLabel,
  checkLabel = "检查文件",
}: {
  action: ImportAction<R>;
  checkLabel?: string;
  quarter: string;
  /** What the file holds, e.g. 考评文件; the label adds （.xlsx 或 .csv）. */
  fileLabel: string;
  testId: string;
  intro: React.ReactNode;
  summary: (report: R) => string;
  confirmLabel: (report: R) => string;
}) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState<R>);
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const [step, setStep] = useState<"check" | "commit">("check");
  const report = state.ok ? state.data : undefined;
  const reportIsForFile = report && file && report.fileName === file.name;
  const clean = report && report.fileErrors.length === 0 && report.problems.length === 0 && report.ready > 0;

  function run(commit: boolean) {
    if (!file) return;
    const data = new FormData();
    data.set("quarter", quarter);
    data.set("commit", commit ? "1" : "0");
    data.set("file", file);
    setStep(commit ? "commit" : "check");
    startTransition(() => dispatch(data));
  }

  return (
    <div className="space-y-4" data-testid={testId}>
      <p className="text-sm text-slate-600">{intro}</p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id={inputId}
          label={`${fileLabel}（.xlsx 或 .csv）`}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          inputClassName="block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
        <button
          type="button"
          disabled={!file || pending}
          onClick={() => run(false)}
          className="rounded-md border border-slate-300 px-4 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
        >
          {pending && step === "check" ? "正在检查…" : checkLabel}
        </button>
      </div>

      {!state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}

      {report && reportIsForFile ? (
        <div className="space-y-3" data-testid="import-report">
          <p
            role="status"
            className={`rounded-md px-3 py-2 text-sm ${clean || report.written > 0 ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
          >
            {state.ok ? state.message : null}
          </p>
          {report.fileErrors.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-red-700">
              {report.fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          {report.ignoredColumns.length > 0 ? <p className="text-sm text-slate-600">未识别、将被忽略的列：{report.ignoredColumns.join("、")}</p> : null}
          {report.problems.length > 0 ? (
            <DataTable
              testId="import-problems"
              wrapperClassName="max-h-96 overflow-auto rounded-md border border-red-200"
              stickyHead
              density="boxed"
              captionClassName="bg-red-50 px-3 py-2 text-left text-red-700"
              caption={
                <>
                  共 {report.totalProblems} 行有问题（文件共 {report.rowCount} 行）
                  {report.totalProblems > report.problems.length ? `，下面列出前 ${report.problems.length} 行` : ""}
                </>
              }
              columns={["行号", "工号", "问题"]}
            >
              {report.problems.map((p) => (
                <tr key={p.line} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal tabular-nums">
                    第 {p.line} 行
                  </th>
                  <td className="px-3 py-1.5 tabular-nums">{p.employeeNo || "—"}</td>
                  <td className="px-3 py-1.5">{p.messages.join("；")}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          {clean && report.written === 0 ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span>{summary(report)}</span>
              <button
                type="button"
                disabled={pending}
                onClick={() => run(true)}
                className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {pending && step === "commit" ? "正在导入…" : confirmLabel(report)}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
