import { PROGRAMME_FIELD } from "@/components/programme/session-fields";

/** The props of a programme form's field whose id is its name: label and control styled as every programme form. */
export function programmeField(name: string, label: string) {
  return { id: name, name, label, ...PROGRAMME_FIELD };
}
