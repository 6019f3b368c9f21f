"use server";

import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import { EndMentorshipInput, MentorshipInput, ReflectionInput, ReplyInput } from "@/lib/schemas/programme-forms";
import { createMentorship, endMentorship, replyReflection, submitReflection } from "@/lib/server/dal/programme-forms/mentoring";

const MENTORING_PATHS: readonly RevalidateTarget[] = ["/hr/mentoring", "/mentoring", "/me", "/branch", "/hr"];

export const createMentorshipAction = defineFormAction({
  permission: "mentoring.manage",
  schema: MentorshipInput,
  input: (_form, values) => ({ endsOn: "", note: "", ...values }),
  run: (viewer, data) => createMentorship(viewer, data),
  revalidate: MENTORING_PATHS,
  done: ({ mentee, mentor }) => ({ ok: true, message: `已为${mentee}安排导师${mentor}` }),
});

export const endMentorshipAction = defineFormAction({
  permission: "mentoring.manage",
  schema: EndMentorshipInput,
  run: (viewer, data) => endMentorship(viewer, data),
  revalidate: MENTORING_PATHS,
  done: () => ({ ok: true, message: "导师结对已结束" }),
});

export const submitReflectionAction = defineFormAction({
  permission: "mentoring.reflect",
  schema: ReflectionInput,
  run: (viewer, data) => submitReflection(viewer, data),
  revalidate: MENTORING_PATHS,
  done: (_r, data) => {
    const [y, m] = data.month.split("-");
    return { ok: true, message: `${y}年${Number(m)}月的工作心得已提交` };
  },
});

export const replyReflectionAction = defineFormAction({
  permission: "mentoring.reflect",
  schema: ReplyInput,
  run: (viewer, data) => replyReflection(viewer, data),
  revalidate: MENTORING_PATHS,
  done: () => ({ ok: true, message: "回复已发送" }),
});
