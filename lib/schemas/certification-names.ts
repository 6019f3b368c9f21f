// HR names a certification code in Chinese.
import { z } from "zod";
import { normaliseCertificationCode } from "@/lib/domain/certification-import";

export const CertificationNameInput = z.object({
  code: z
    .string({ error: "缺少认证代码" })
    .trim()
    .transform((v, ctx) => {
      const code = normaliseCertificationCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "认证代码不正确" });
        return z.NEVER;
      }
      return code;
    }),
  name: z.string({ error: "请填写认证名称" }).trim().min(2, "认证名称至少 2 个字").max(30, "认证名称不超过 30 个字"),
});
export type CertificationNameInput = z.infer<typeof CertificationNameInput>;
