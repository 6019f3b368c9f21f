"use server";

import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import type { ActionState } from "@/lib/actions/state";
import {
  changeGradeManually,
  convertAssistant,
  createPerson,
  exitPerson,
  importRoster,
  transferBranch,
  type RosterReport,
} from "@/lib/server/dal/people-admin";
import { saveMyGoals } from "@/lib/server/dal/goals";
import { capProblems, readUpload } from "@/lib/server/import";
import { ImportFileInput } from "@/lib/schemas/common";
import { ConvertAssistantInput, ExitInput, GoalsInput, ManualGradeInput, NewPersonInput, TransferInput } from "@/lib/schemas/people";
import { GRADE_LABELS } from "@/lib/domain/grades";

function peoplePaths(userId?: string): RevalidateTarget[] {
  return ["/hr/people", ...(userId ? [`/hr/people/${userId}`, `/people/${userId}`] : []), "/hr", ["/branch", "layout"]];
}

export type CreatePersonState = ActionState<{ id: string; password: string | null }>;

export const createPersonAction = defineFormAction({
  permission: "people.create",
  schema: NewPersonInput,
  run: (viewer, data) => createPerson(viewer, data),
  revalidate: (_data, created) => peoplePaths(created.id),
  done: (created, data): CreatePersonState => ({
    ok: true,
    message: created.password ? `已新增${data.name}。初始密码只显示这一次，请妥善转交：` : `已新增${data.name}，初始密码为您设定的密码`,
    data: created,
  }),
});

export const convertAssistantAction = defineFormAction({
  permission: "people.manage",
  schema: ConvertAssistantInput,
  run: (viewer, data) => convertAssistant(viewer, data),
  revalidate: (data) => peoplePaths(data.userId),
  done: ({ name }) => ({ ok: true, message: `${name}已转岗为见习对公客户经理，必修课已分配` }),
});

export const transferBranchAction = defineFormAction({
  permission: "people.manage",
  schema: TransferInput,
  run: (viewer, data) => transferBranch(viewer, data),
  revalidate: (data) => peoplePaths(data.userId),
  done: ({ name, branchName }) => ({ ok: true, message: `${name}已调入${branchName}` }),
});

export const exitPersonAction = defineFormAction({
  permission: "people.manage",
  schema: ExitInput,
  run: (viewer, data) => exitPerson(viewer, data),
  revalidate: (data) => peoplePaths(data.userId),
  done: ({ name }) => ({ ok: true, message: `${name}已办理退出` }),
});

export const changeGradeAction = defineFormAction({
  permission: "people.manage",
  schema: ManualGradeInput,
  run: (viewer, data) => changeGradeManually(viewer, data),
  revalidate: (data) => peoplePaths(data.userId),
  done: ({ name }, data) => ({ ok: true, message: `${name}的等级已调整为${GRADE_LABELS[data.grade]}` }),
});

export type RosterImportState = ActionState<RosterReport & { totalProblems: number }>;

export const importRosterAction = defineFormAction({
  permission: "people.manage",
  schema: ImportFileInput,
  values: () => ({}),
  input: (form) => ({ write: form.get("mode") === "write", file: form.get("file") }),
  run: async (viewer, data) => {
    const report = await importRoster(viewer, await readUpload(data.file, data.file.name), { dryRun: !data.write });
    return { ...report, ...capProblems(report.problems) };
  },
  revalidate: (data, report) => (data.write && report.problems.length === 0 ? peoplePaths() : []),
  done: (report, data): RosterImportState => {
    if (report.totalProblems > 0) return { ok: false, message: `发现 ${report.totalProblems} 处问题，未写入任何数据；请修改文件后重新检查`, data: report };
    const summary = `新增 ${report.counts.NEW} 人、调动 ${report.counts.TRANSFER} 人、退出 ${report.counts.EXIT} 人${report.counts.SAME ? `，${report.counts.SAME} 行已是最新无需变更` : ""}`;
    return { ok: true, message: data.write ? `已导入：${summary}` : `检查通过：共 ${report.rows} 行（${summary}），可以导入`, data: report };
  },
});

export const saveGoalsAction = defineFormAction({
  permission: "people.goals",
  schema: GoalsInput,
  run: async (viewer, data) => {
    await saveMyGoals(viewer, data);
    return viewer.id;
  },
  revalidate: (_data, userId) => [["/me", "layout"], `/people/${userId}`],
  done: () => ({ ok: true, message: "目标已保存" }),
});
