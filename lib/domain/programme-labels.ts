// Chinese wording of the programme year (DOMAIN §8) in one place, and how its dates read on screen.
import type { PhaseKind, PhaseStatus } from "./programme-plan";
import { shanghaiParts } from "./dates";

export const PHASE_KIND_LABELS: Record<PhaseKind, string> = { EAGLET_CAMP: "雏鹰训练营", GOLDEN_EAGLE_CAMP: "金鹰训练营", SKILLS_CONTEST: "业务技能大比拼" };
export const PHASE_STATUS_LABELS: Record<PhaseStatus, string> = { PLANNING: "筹备中", RUNNING: "进行中", EVALUATING: "评估中", CLOSED: "已结束" };
/** The button that moves a phase on, by its current status. */
export const PHASE_ADVANCE_LABELS: Record<PhaseStatus, string | null> = { PLANNING: "开始实施", RUNNING: "进入评估", EVALUATING: "结束本阶段", CLOSED: null };
export const ATTENDANCE_LABELS = { PRESENT: "出席", LATE: "迟到", ABSENT: "缺席", EXCUSED: "请假" } as const;
export const SEAT_LABELS = { ENROLLED: "已入座", WAITLISTED: "候补", WITHDRAWN: "已退出" } as const;
export const PARTICIPANT_STATUS_LABELS = { PROPOSED: "待审批", ENROLLED: "已入选", REMOVED: "已移出" } as const;
export const PARTICIPANT_ORIGIN_LABELS = { GRADE: "按职级", HR: "人力资源部添加", BRANCH_HEAD: "支行长推荐" } as const;

function parts(iso: string | Date) {
  const p = shanghaiParts(iso);
  return { ...p, time: `${p.hh}:${p.mm}` };
}

/** "2026-04-13" → "2026年4月13日" */
export function formatDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** An instant as "2026年4月13日 09:00" (Asia/Shanghai). */
export function formatDateTime(iso: string | Date): string {
  const p = parts(iso);
  return `${p.y}年${p.m}月${p.d}日 ${p.time}`;
}

/** A session's time as "2026年4月13日 09:00–12:00" (end date repeated only when it differs). */
export function formatSessionTime(start: string, end: string): string {
  const a = parts(start);
  const b = parts(end);
  const sameDay = a.y === b.y && a.m === b.m && a.d === b.d;
  return `${a.y}年${a.m}月${a.d}日 ${a.time}–${sameDay ? "" : `${b.m}月${b.d}日 `}${b.time}`;
}

/** "2026-04-01", "2026-04-30" → "2026年4月1日–4月30日" */
export function formatDayRange(from: string, to: string): string {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  return `${y1}年${m1}月${d1}日–${y2 !== y1 ? `${y2}年` : ""}${m2}月${d2}日`;
}
