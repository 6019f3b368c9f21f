"use server";

import { z } from "zod";
import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import { ImportInput, QuarterInput, SaveAppraisalInput, SaveRoracInput, TemplateVersionInput } from "@/lib/schemas/appraisal";
import { checkRoracFile, importRoracFile, saveRoracEntry, type RoracImportReport } from "@/lib/server/dal/appraisal/rorac";
import { NoInput, uploadedFile } from "@/lib/schemas/common";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { lockQuarter, openNextQuarter } from "@/lib/server/dal/appraisal/quarters";
import { createTemplateVersion } from "@/lib/server/dal/appraisal/template";
import { checkAppraisalFile, importAppraisalFile, type ImportReport } from "@/lib/server/dal/appraisal/import";
import { RATING_LABELS } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/domain/dates";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { FileImportReport } from "@/lib/domain/appraisal-import";

const APPRAISAL_PAGES: readonly RevalidateTarget[] = [
  ["/hr/appraisal", "layout"],
  ["/branch/appraisal", "layout"],
];

export const saveAppraisalAction = defineFormAction({
  permission: "appraisal.rate",
  schema: SaveAppraisalInput,
  input: (_form, raw) => {
    const text = raw as Record<string, string | undefined>;
    const indicatorValues: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) if (key.startsWith("v.")) indicatorValues[key.slice(2)] = value;
    return {
      quarter: text.quarter,
      userId: text.userId,
      version: text.version,
      mode: text.mode,
      rating: text.mode === "rating" && text.rating ? text.rating : undefined,
      reason: text.reason,
      roracTyped: text.roracTyped === "on",
      values: text.mode === "score" ? indicatorValues : {},
    };
  },
  run: (viewer, input) => saveAppraisal(viewer, input),
  revalidate: APPRAISAL_PAGES,
  done: (saved, input) => {
    const score = saved.score === null ? "" : `（${saved.score.toFixed(2)} 分）`;
    return { ok: true, message: `已保存：${saved.name} ${RATING_LABELS[saved.rating]}${score}`, data: { userId: input.userId } };
  },
});

export const lockQuarterAction = defineFormAction({
  permission: "appraisal.quarter",
  schema: QuarterInput,
  run: (viewer, input) => lockQuarter(viewer, input.quarter),
  revalidate: APPRAISAL_PAGES,
  done: (result) => {
    const adjusted = result.adjusted > 0 ? `；按强制分布将 ${result.adjusted} 个优秀调整为良好` : "";
    return { ok: true, message: `${quarterLabel(result.quarter)}已锁定${adjusted}` };
  },
});

export const openNextQuarterAction = defineFormAction({
  permission: "appraisal.quarter",
  schema: NoInput,
  run: (viewer) => openNextQuarter(viewer),
  revalidate: APPRAISAL_PAGES,
  done: ({ quarter }) => ({ ok: true, message: `已开启${quarterLabel(quarter)}的考评` }),
});

export const saveTemplateAction = defineFormAction({
  permission: "appraisal.template",
  schema: TemplateVersionInput,
  input: (_form, values) => {
    const raw = values as Record<string, string | undefined>;
    const weights = Object.keys(raw)
      .filter((k) => /^weight\.\d+$/.test(k))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))
      .map((k) => raw[k]);
    const size = Math.min(weights.length, 20);
    const useAhp = raw.useAhp === "on";
    // Second level, per dimension d: ind.<d>.<k> typed weights; indAhpOn.<d> + indAhp.<d>.<i>.<j> a matrix.
    const count = (prefix: string) => Object.keys(raw).filter((k) => k.startsWith(prefix)).length;
    const indicatorWeights = Array.from({ length: size }, (_, d) => {
      const n = Math.min(count(`ind.${d}.`), 20);
      return n === 0 ? null : Array.from({ length: n }, (_, k) => raw[`ind.${d}.${k}`]);
    });
    const indicatorAhp = Array.from({ length: size }, (_, d) => {
      if (raw[`indAhpOn.${d}`] !== "on") return null;
      const n = Math.min(Math.round(Math.sqrt(count(`indAhp.${d}.`))), 20);
      return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => raw[`indAhp.${d}.${i}.${j}`] ?? "1"));
    });
    return {
      baseVersion: raw.baseVersion,
      name: raw.name ?? "",
      weights,
      useAhp,
      ahpMatrix: useAhp ? Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => raw[`ahp.${i}.${j}`] ?? "1")) : undefined,
      indicatorWeights,
      indicatorAhp,
      bands: { EXCELLENT: raw["band.EXCELLENT"], GOOD: raw["band.GOOD"], QUALIFIED: raw["band.QUALIFIED"], BASIC: raw["band.BASIC"] },
      maxExcellentPct: raw.maxExcellentPct ?? "",
      applyToOpenQuarters: raw.applyToOpenQuarters === "on",
    };
  },
  run: (viewer, input) =>
    createTemplateVersion(viewer, {
      baseVersion: input.baseVersion,
      name: input.name,
      weights: input.weights,
      ahpMatrix: input.useAhp ? input.ahpMatrix : null,
      indicatorWeights: input.indicatorWeights,
      indicatorAhp: input.indicatorAhp,
      bands: input.bands,
      maxExcellentPct: input.maxExcellentPct,
      applyToOpenQuarters: input.applyToOpenQuarters,
    }),
  revalidate: APPRAISAL_PAGES,
  done: (result) => {
    const applied = result.quarters.length > 0 ? `；${result.quarters.join("、")} 已改用新版本，重新计算了 ${result.rescored} 条按指标打分的结果` : "";
    return { ok: true, message: `已保存评分模板第 ${result.version} 版${applied}` };
  },
});

export const saveRoracAction = defineFormAction({
  permission: "appraisal.rate",
  schema: SaveRoracInput,
  input: (_form, raw) => {
    const text = raw as Record<string, string | undefined>;
    // Fields line.<i>.<field>; rows left completely blank are dropped.
    const rows = new Map<number, Record<string, string>>();
    for (const [key, value] of Object.entries(text)) {
      const m = /^line\.(\d{1,2})\.(.+)$/.exec(key);
      if (!m || typeof value !== "string") continue;
      const row = rows.get(Number(m[1])) ?? {};
      row[m[2]] = value;
      rows.set(Number(m[1]), row);
    }
    const lines = [...rows.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, row]) => row)
      .filter((row) => Object.values(row).some((v) => v.trim() !== ""));
    return { quarter: text.quarter, userId: text.userId, target: text.target, reason: text.reason, lines };
  },
  run: (viewer, input) => saveRoracEntry(viewer, input),
  revalidate: APPRAISAL_PAGES,
  done: (saved) => ({
    ok: true,
    message: saved.rate === null ? `已保存 ${saved.name} 的业务条线` : `已保存：${saved.name} RORAC 目标完成率 ${saved.rate.toFixed(2)}%`,
  }),
});

type ImportFileRun<R> = (viewer: Viewer, quarter: string, file: File, fileName: string) => Promise<R>;

/** A quarter's file import: dry run (commit off) or import (commit on); nothing is written unless the file is clean. */
function defineImportAction<R extends FileImportReport>(
  check: ImportFileRun<R>,
  write: ImportFileRun<R>,
  say: { written: (r: R) => string; same: (r: R) => string; ready: (r: R) => string },
) {
  return defineFormAction<z.ZodType<{ quarter: string; commit: boolean; file: File }>, R, R>({
    permission: "appraisal.import",
    schema: ImportInput.extend({ file: uploadedFile }),
    input: (form, raw) => ({ quarter: raw.quarter, commit: raw.commit === "1", file: form.get("file") }),
    run: async (viewer, { quarter, commit, file }) => (commit ? write : check)(viewer, quarter, file, file.name),
    revalidate: (input, report) => (input.commit && report.written > 0 ? APPRAISAL_PAGES : []),
    done: (report, input) => {
      const clean = report.fileErrors.length === 0 && report.totalProblems === 0;
      const message =
        report.written > 0
          ? say.written(report)
          : !clean
            ? `文件有 ${report.fileErrors.length + report.totalProblems} 处问题，未写入任何数据；请修改后重新检查`
            : input.commit
              ? say.same(report)
              : say.ready(report);
      return { ok: true, message, data: report };
    },
  });
}

export const importAppraisalsAction = defineImportAction<ImportReport>(checkAppraisalFile, importAppraisalFile, {
  written: (r) => `已导入 ${r.written} 条考评结果`,
  same: (r) => `文件中的 ${r.ready} 条考评结果与系统中已有的一致，无需重复导入`,
  ready: (r) => `文件检查通过：${r.ready} 行可以导入`,
});

export const importRoracAction = defineImportAction<RoracImportReport>(checkRoracFile, importRoracFile, {
  written: (r) => `已导入 ${r.written} 人的 ${r.lines} 个业务条线`,
  same: () => "没有写入任何数据",
  ready: (r) => `文件检查通过：${r.ready} 人的 ${r.lines} 个业务条线可以导入`,
});
