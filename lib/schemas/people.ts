import { z } from "zod";
import { GRADES, ROLES } from "@/lib/domain/grades";
import { isIsoDate } from "@/lib/domain/dates";

const id = z.string().trim().min(1, "缺少人员编号").max(64);
const date = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .trim()
    .min(1, `请选择${label}`)
    .refine((v) => isIsoDate(v), `${label}格式应为 年-月-日（如 2026-03-05）`);
const reason = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(2, `请填写${label}（至少 2 个字）`)
    .max(200, `${label}最多 200 个字`);
const optionalNote = z
  .string()
  .trim()
  .max(200, "说明最多 200 个字")
  .optional()
  .transform((v) => v || null);

export const NewPersonInput = z
  .object({
    employeeNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, "工号只能是字母和数字，最多 20 位"),
    name: z.string().trim().min(1, "请填写姓名").max(40, "姓名最多 40 个字"),
    email: z.string().trim().toLowerCase().email("邮箱格式不正确"),
    branchId: id.describe("机构"),
    role: z.enum(ROLES, { error: "请选择岗位" }),
    roleStartDate: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || isIsoDate(v), "任职起始日格式应为 年-月-日（如 2026-03-05）")
      .transform((v) => v || null),
    /** "" = not graded yet; only 见习 is offered for a new account manager (定级 follows otherwise). */
    grade: z
      .union([z.literal(""), z.literal("TRAINEE")], { error: "新增客户经理只能为见习或暂不定级" })
      .optional()
      .transform((v) => (v ? v : null)),
    password: z
      .string()
      .optional()
      .refine((v) => !v || (v.length >= 8 && v.length <= 64), "初始密码 8–64 位；留空则自动生成")
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if ((v.role === "ACCOUNT_MANAGER" || v.role === "ASSISTANT") && !v.roleStartDate) {
      ctx.addIssue({ code: "custom", path: ["roleStartDate"], message: "客户经理和业务助理须填写任职起始日" });
    }
    if (v.grade && v.role !== "ACCOUNT_MANAGER") ctx.addIssue({ code: "custom", path: ["grade"], message: "只有对公客户经理有等级" });
  });
export type NewPersonInput = z.infer<typeof NewPersonInput>;

export const ConvertAssistantInput = z.object({ userId: id, date: date("转岗日期"), note: optionalNote });
export const TransferInput = z.object({ userId: id, branchId: z.string().trim().min(1, "请选择调入机构"), date: date("生效日期"), note: optionalNote });
export const ExitInput = z.object({ userId: id, date: date("退出日期"), reason: reason("退出原因") });
export const ManualGradeInput = z.object({ userId: id, grade: z.enum(GRADES, { error: "请选择等级" }), date: date("生效日期"), reason: reason("调整原因") });
export const PersonIdInput = z.object({ userId: id });

export const GoalsInput = z.object({
  shortTerm: z.string().trim().min(2, "请填写本季度目标（至少 2 个字）").max(300, "本季度目标最多 300 个字"),
  longTerm: z.string().trim().min(2, "请填写长期目标（至少 2 个字）").max(300, "长期目标最多 300 个字"),
});
export type GoalsInput = z.infer<typeof GoalsInput>;

export const PeopleFiltersInput = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  branchId: z.string().trim().max(64).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  grade: z
    .enum([...GRADES, "NONE"] as const)
    .optional()
    .catch(undefined),
  status: z.enum(["ACTIVE", "EXITED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
