"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth/viewer";
import { actionError } from "@/lib/server/action-errors";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import {
  changeGradeManually,
  convertAssistant,
  createPerson,
  exitPerson,
  importRoster,
  resetPassword,
  transferBranch,
  type RosterReport,
} from "@/lib/server/dal/people-admin";
import { saveMyGoals } from "@/lib/server/dal/goals";
import { readUpload } from "@/lib/server/import";
import { ConvertAssistantInput, ExitInput, GoalsInput, ManualGradeInput, NewPersonInput, PersonIdInput, TransferInput } from "@/lib/schemas/people";
import { GRADE_LABELS } from "@/lib/domain/grades";

const values = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

function revalidatePeople(userId?: string) {
  revalidatePath("/hr/people");
  if (userId) {
    revalidatePath(`/hr/people/${userId}`);
    revalidatePath(`/people/${userId}`);
  }
  revalidatePath("/hr");
  revalidatePath("/branch", "layout");
}

export type CreatePersonState = ActionState<{ id: string; password: string | null }>;

export async function createPersonAction(_prev: CreatePersonState, form: FormData): Promise<CreatePersonState> {
  const input = NewPersonInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["HR"]);
    const created = await createPerson(viewer, input.data);
    revalidatePeople(created.id);
    return {
      ok: true,
      message: created.password ? `已新增${input.data.name}。初始密码只显示这一次，请妥善转交：` : `已新增${input.data.name}，初始密码为您设定的密码`,
      data: created,
    };
  } catch (error) {
    return actionError(error, values(form));
  }
}

export async function convertAssistantAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = ConvertAssistantInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["HR"]);
    const { name } = await convertAssistant(viewer, input.data);
    revalidatePeople(input.data.userId);
    return { ok: true, message: `${name}已转岗为见习对公客户经理，必修课已分配` };
  } catch (error) {
    return actionError(error, values(form));
  }
}

export async function transferBranchAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = TransferInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["HR"]);
    const { name, branchName } = await transferBranch(viewer, input.data);
    revalidatePeople(input.data.userId);
    return { ok: true, message: `${name}已调入${branchName}` };
  } catch (error) {
    return actionError(error, values(form));
  }
}

export async function exitPersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = ExitInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["HR"]);
    const { name } = await exitPerson(viewer, input.data);
    revalidatePeople(input.data.userId);
    return { ok: true, message: `${name}已办理退出` };
  } catch (error) {
    return actionError(error, values(form));
  }
}

export async function changeGradeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = ManualGradeInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["HR"]);
    const { name } = await changeGradeManually(viewer, input.data);
    revalidatePeople(input.data.userId);
    return { ok: true, message: `${name}的等级已调整为${GRADE_LABELS[input.data.grade]}` };
  } catch (error) {
    return actionError(error, values(form));
  }
}

export type PasswordState = ActionState<{ password: string }>;

export async function resetPasswordAction(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const input = PersonIdInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error);
  try {
    const viewer = await requireActor(["HR"]);
    const { name, password } = await resetPassword(viewer, input.data.userId);
    return { ok: true, message: `已为${name}生成新密码，只显示这一次：`, data: { password } };
  } catch (error) {
    return actionError(error);
  }
}

export type RosterImportState = ActionState<RosterReport>;

export async function importRosterAction(_prev: RosterImportState, form: FormData): Promise<RosterImportState> {
  try {
    const viewer = await requireActor(["HR"]);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "请选择要导入的 .xlsx 或 .csv 文件" };
    const table = await readUpload(await file.arrayBuffer(), file.name);
    const dryRun = form.get("mode") !== "write";
    const report = await importRoster(viewer, table, { dryRun });
    if (report.problems.length > 0) {
      return { ok: false, message: `发现 ${report.problems.length} 处问题，未写入任何数据；请修改文件后重新检查`, data: report };
    }
    const summary = `新增 ${report.counts.NEW} 人、调动 ${report.counts.TRANSFER} 人、退出 ${report.counts.EXIT} 人${report.counts.SAME ? `，${report.counts.SAME} 行已是最新无需变更` : ""}`;
    if (!dryRun) revalidatePeople();
    return { ok: true, message: dryRun ? `检查通过：共 ${report.rows} 行（${summary}），可以导入` : `已导入：${summary}`, data: report };
  } catch (error) {
    return actionError(error);
  }
}

export async function saveGoalsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = GoalsInput.safeParse(values(form));
  if (!input.success) return invalidInput(input.error, values(form));
  try {
    const viewer = await requireActor(["ACCOUNT_MANAGER", "ASSISTANT"]);
    await saveMyGoals(viewer, input.data);
    revalidatePath("/me", "layout");
    revalidatePath(`/people/${viewer.id}`);
    return { ok: true, message: "目标已保存" };
  } catch (error) {
    return actionError(error, values(form));
  }
}
