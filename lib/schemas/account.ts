import { z } from "zod";

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: "请输入当前密码" }).min(1, "请输入当前密码").max(200, "当前密码不正确"),
    newPassword: z.string({ error: "请输入新密码" }).min(1, "请输入新密码").max(200, "密码不能超过 72 个字节"),
    confirmPassword: z.string({ error: "请再次输入新密码" }).min(1, "请再次输入新密码").max(200, "两次输入的新密码不一致"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "新密码不能与当前密码相同" });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const ResetPasswordInput = z.object({
  userId: z.string({ error: "缺少要重置的人员" }).trim().min(1, "缺少要重置的人员").max(64, "人员不存在"),
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

export const FindByEmployeeNoInput = z.object({
  employeeNo: z
    .string()
    .trim()
    .max(32, "工号过长")
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "工号包含无效字符"),
});
