"use server";

import { areaAction, type RevalidateTarget } from "@/lib/server/action";
import { EndMentorshipInput, MentorshipInput, ReflectionInput, ReplyInput } from "@/lib/schemas/programme-forms";
import { createMentorship, endMentorship, replyReflection, submitReflection } from "@/lib/server/dal/programme-forms/mentoring";

const MENTORING_PATHS: readonly RevalidateTarget[] = ["/hr/mentoring", "/mentoring", "/me", "/branch", "/hr"];
/** HR pairs mentors and mentees; mentees and mentors write and answer reflections. */
const managing = areaAction("mentoring.manage", MENTORING_PATHS);
const reflecting = areaAction("mentoring.reflect", MENTORING_PATHS);

export const createMentorshipAction = managing({
  schema: MentorshipInput,
  input: (_form, values) => ({ endsOn: "", note: "", ...values }),
  run: (viewer, data) => createMentorship(viewer, data),
  done: ({ mentee, mentor }) => ({ ok: true, message: `已为${mentee}安排导师${mentor}` }),
});

export const endMentorshipAction = managing({
  schema: EndMentorshipInput,
  run: (viewer, data) => endMentorship(viewer, data),
  done: () => ({ ok: true, message: "导师结对已结束" }),
});

export const submitReflectionAction = reflecting({
  schema: ReflectionInput,
  run: (viewer, data) => submitReflection(viewer, data),
  done: (_r, data) => {
    const [y, m] = data.month.split("-");
    return { ok: true, message: `${y}年${Number(m)}月的工作心得已提交` };
  },
});

export const replyReflectionAction = reflecting({
  schema: ReplyInput,
  run: (viewer, data) => replyReflection(viewer, data),
  done: () => ({ ok: true, message: "回复已发送" }),
});
