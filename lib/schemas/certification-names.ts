// HR names a certification code in Chinese.
import { z } from "zod";
import { normaliseCertificationCode } from "@/lib/domain/certification-import";
import { readWith } from "@/lib/schemas/common";

export const CertificationNameInput = z.object({
  code: z.string({ error: "缺少认证代码" }).trim().transform(readWith(normaliseCertificationCode, "认证代码不正确")),
  name: z.string({ error: "请填写认证名称" }).trim().min(2, "认证名称至少 2 个字").max(30, "认证名称不超过 30 个字"),
});
export type CertificationNameInput = z.infer<typeof CertificationNameInput>;
