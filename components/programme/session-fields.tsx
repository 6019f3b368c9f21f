import { toShanghaiLocal } from "@/lib/domain/programme-plan";

const input = "w-full rounded-md border border-slate-300 px-3 py-2 text-base sm:text-sm";

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
      <div>
        <label htmlFor={id("courseId")} className="mb-1 block text-sm font-medium">
          课程（从课程目录选择）
        </label>
        <select id={id("courseId")} name="courseId" defaultValue={defaults.courseId ?? ""} className={input}>
          <option value="">不选课程，使用下方自定义名称</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}（{c.code}）
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={id("title")} className="mb-1 block text-sm font-medium">
          自定义名称（选了课程可不填）
        </label>
        <input id={id("title")} name="title" maxLength={60} defaultValue={defaults.title ?? ""} placeholder="如：开营仪式与破冰" className={input} />
      </div>
      <div>
        <label htmlFor={id("startsAt")} className="mb-1 block text-sm font-medium">
          开始时间（北京时间）
        </label>
        <input id={id("startsAt")} name="startsAt" type="datetime-local" required defaultValue={local(defaults.startsAt)} className={input} />
      </div>
      <div>
        <label htmlFor={id("endsAt")} className="mb-1 block text-sm font-medium">
          结束时间（北京时间）
        </label>
        <input id={id("endsAt")} name="endsAt" type="datetime-local" required defaultValue={local(defaults.endsAt)} className={input} />
      </div>
      <div className="sm:col-span-2">
        <label htmlFor={id("place")} className="mb-1 block text-sm font-medium">
          地点
        </label>
        <input
          id={id("place")}
          name="place"
          required
          maxLength={60}
          defaultValue={defaults.place ?? ""}
          placeholder="如：总行培训中心 301 教室"
          className={input}
        />
      </div>
      <div>
        <label htmlFor={id("lecturerNo")} className="mb-1 block text-sm font-medium">
          内部讲师（工号或姓名）
        </label>
        <input id={id("lecturerNo")} name="lecturerNo" maxLength={32} defaultValue={defaults.lecturerNo ?? ""} placeholder="如：200001" className={input} />
      </div>
      <div>
        <label htmlFor={id("lecturerName")} className="mb-1 block text-sm font-medium">
          或外部讲师姓名
        </label>
        <input
          id={id("lecturerName")}
          name="lecturerName"
          maxLength={30}
          defaultValue={defaults.lecturerName ?? ""}
          placeholder="外聘讲师填写姓名"
          className={input}
        />
      </div>
      <div>
        <label htmlFor={id("capacity")} className="mb-1 block text-sm font-medium">
          容量（人，不填为不限）
        </label>
        <input
          id={id("capacity")}
          name="capacity"
          type="number"
          inputMode="numeric"
          min={1}
          max={2000}
          defaultValue={defaults.capacity ?? ""}
          className={input}
        />
      </div>
    </div>
  );
}
