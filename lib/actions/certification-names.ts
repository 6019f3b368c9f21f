"use server";

import { defineFormAction } from "@/lib/server/action";
import { saveCertificationName } from "@/lib/server/dal/certification-names";
import { CertificationNameInput } from "@/lib/schemas/certification-names";

/** HR names a certification code; every screen shows the name, so the whole app is revalidated. */
export const saveCertificationNameAction = defineFormAction({
  permission: "certification.record",
  schema: CertificationNameInput,
  input: (form) => ({ code: String(form.get("code") ?? ""), name: String(form.get("name") ?? "") }),
  run: (viewer, data) => saveCertificationName(viewer, data),
  revalidate: [["/", "layout"]],
  done: (_r, data) => ({ ok: true, message: `已保存：${data.name}` }),
});
