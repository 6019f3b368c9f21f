import { toShanghaiLocal } from "@/lib/domain/programme-plan";
import { SelectField, TextField } from "@/components/ui/fields";

/** The look of the programme forms' fields (a larger font on phones, against zoom-on-focus). */
export const PROGRAMME_FIELD = {
  labelClassName: "mb-1 block text-sm font-medium",
  inputClassName: "w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm",
};

const TEXT_FIELDS = [
  { name: "title", label: "自定义名称（选了课程可不填）", maxLength: 60, placeholder: "如：开营仪式与破冰" },
  { name: "startsAt", label: "开始时间（北京时间）", type: "datetime-local", required: true },
  { name: "endsAt", label: "结束时间（北京时间）", type: "datetime-local", required: true },
  { name: "place", label: "地点", required: true, maxLength: 60, placeholder: "如：总行培训中心 301 教室", className: "sm:col-span-2" },
  { name: "lecturerNo", label: "内部讲师（工号或姓名）", maxLength: 32, placeholder: "如：200001" },
  { name: "lecturerName", label: "或外部讲师姓名", maxLength: 30, placeholder: "外聘讲师填写姓名" },
  { name: "capacity", label: "容量（人，不填为不限）", type: "number", inputMode: "numeric", min: 1, max: 2000 },
] as const;

export interface SessionDefaults {
  sessionId?: string;
  courseId?: string | null;
  title?: string | null;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  lecturerNo?: string | null;
  lecturerName?: string | null;
  capacity?: number | null;
}

/** The fields of a session form (new or edit); times are typed in Beijing time. */
export function SessionFields({
  phaseId,
  courses,
  defaults = {},
  idPrefix = "s",
}: {
  phaseId: string;
  courses: { id: string; code: string; title: string }[];
  defaults?: SessionDefaults;
  idPrefix?: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const local = (iso?: string) => (iso ? toShanghaiLocal(new Date(iso)) : undefined);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="phaseId" value={phaseId} />
      {defaults.sessionId ? <input type="hidden" name="sessionId" value={defaults.sessionId} /> : null}
      <SelectField
        id={id("courseId")}
        name="courseId"
        label="课程（从课程目录选择）"
        defaultValue={defaults.courseId ?? ""}
        empty="不选课程，使用下方自定义名称"
        options={courses.map((c) => [c.id, `${c.title}（${c.code}）`] as const)}
        {...PROGRAMME_FIELD}
      />
      {TEXT_FIELDS.map(({ name, ...field }) => {
        const value = name === "startsAt" || name === "endsAt" ? local(defaults[name]) : (defaults[name] ?? "");
        return <TextField key={name} id={id(name)} name={name} defaultValue={value} {...field} {...PROGRAMME_FIELD} />;
      })}
    </div>
  );
}
