// Planning a programme year (DOMAIN §8): the default phases, copying a year, session times in
// Asia/Shanghai, the rules a session must meet, and who moves up from a waiting list. Pure.
import type { Grade } from "./grades";
import { formatIsoDate, parseIsoDate, todayInShanghai, type IsoDate, type Quarter } from "./dates";

export const PHASE_KINDS = ["EAGLET_CAMP", "GOLDEN_EAGLE_CAMP", "SKILLS_CONTEST"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PHASE_STATUSES = ["PLANNING", "RUNNING", "EVALUATING", "CLOSED"] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** The status a phase moves to next, or null once closed. Phases only move forward. */
export function nextPhaseStatus(status: PhaseStatus): PhaseStatus | null {
  const i = PHASE_STATUSES.indexOf(status);
  return i < PHASE_STATUSES.length - 1 ? PHASE_STATUSES[i + 1] : null;
}

export interface PhasePlan {
  kind: PhaseKind;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  grades: Grade[];
  includeAssistants: boolean;
  goal: string;
  feedsQuarter: Quarter | null;
}

export function defaultProgrammeName(year: number): string {
  return `${year}年对公客户经理素质提升项目`;
}

/** The three phases of the source plan with their default months and target groups (DOMAIN §8). */
export function defaultPhases(year: number): PhasePlan[] {
  return [
    {
      kind: "EAGLET_CAMP",
      name: "雏鹰训练营",
      startsOn: `${year}-04-01`,
      endsOn: `${year}-04-30`,
      grades: ["TRAINEE", "JUNIOR"],
      includeAssistants: true,
      goal: "帮助新任客户经理和业务助理完成角色转换，掌握对公业务基础知识、基本销售技能和商务礼仪，尽快独立开展营销。",
      feedsQuarter: `${year}Q2`,
    },
    {
      kind: "GOLDEN_EAGLE_CAMP",
      name: "金鹰训练营",
      startsOn: `${year}-07-01`,
      endsOn: `${year}-07-31`,
      grades: ["INTERMEDIATE", "SENIOR", "PRINCIPAL"],
      includeAssistants: false,
      goal: "通过案例研讨和经验交流，提升骨干客户经理的风险识别、融资方案设计和大客户营销能力。",
      feedsQuarter: `${year}Q3`,
    },
    {
      kind: "SKILLS_CONTEST",
      name: "业务技能大比拼",
      startsOn: `${year}-11-01`,
      endsOn: `${year}-11-30`,
      grades: ["TRAINEE", "JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"],
      includeAssistants: false,
      goal: "以笔试、个人答辩和团队展示检验全年培训成果，评选年度业务精英。",
      feedsQuarter: null,
    },
  ];
}

/** The same calendar day a number of years later (29 February becomes 28 February). */
export function shiftDateByYears(date: IsoDate, years: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return formatIsoDate(y + years, m, Math.min(d, last));
}

export function shiftQuarterByYears(quarter: Quarter | null, years: number): Quarter | null {
  if (!quarter) return null;
  return `${Number(quarter.slice(0, 4)) + years}${quarter.slice(4)}`;
}

/** A date-time typed in the browser ("2026-04-13T09:00", Asia/Shanghai) as an instant. */
export function shanghaiLocalToDate(local: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Invalid local date-time: ${local}`);
  parseIsoDate(match[1]);
  const [h, min] = [Number(match[2]), Number(match[3])];
  if (h > 23 || min > 59) throw new Error(`Invalid local date-time: ${local}`);
  return new Date(`${match[1]}T${match[2]}:${match[3]}:00+08:00`);
}

/** An instant as "2026-04-13T09:00" in Asia/Shanghai (the value of a datetime-local input). */
export function toShanghaiLocal(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16);
}

/** An instant as an ISO date-time with the +08:00 offset (the form sessionConflicts takes). */
export function toShanghaiIso(date: Date): string {
  return `${toShanghaiLocal(date)}:00+08:00`;
}

/** The calendar day (Asia/Shanghai) an instant falls on. */
export function shanghaiDay(date: Date): IsoDate {
  return todayInShanghai(date);
}

/**
 * Why a session's times do not fit, or null: it must end after it starts, and start and end on
 * days within its phase's dates.
 */
export function sessionTimeProblem(session: { startsAt: Date; endsAt: Date }, phase: { startsOn: IsoDate; endsOn: IsoDate }): string | null {
  if (!(session.endsAt.getTime() > session.startsAt.getTime())) return "结束时间必须晚于开始时间";
  if (shanghaiDay(session.startsAt) < phase.startsOn || shanghaiDay(session.endsAt) > phase.endsOn) return "培训场次必须安排在本阶段的起止日期之内";
  return null;
}

export interface WaitingSeat {
  userId: string;
  waitlistedAt: Date | string;
}

/**
 * Who moves up from the waiting list: the longest waiting first (then by user id for equal
 * times), as many as there are free seats. A capacity of null means no limit.
 */
export function seatsToPromote(capacity: number | null, enrolled: number, waiting: WaitingSeat[]): string[] {
  const ordered = [...waiting].sort(
    (a, b) => new Date(a.waitlistedAt).getTime() - new Date(b.waitlistedAt).getTime() || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
  const free = capacity === null ? ordered.length : Math.max(0, capacity - enrolled);
  return ordered.slice(0, free).map((s) => s.userId);
}

/**
 * Seats for people joining a session, in the order given: a seat while there is room, after that
 * the waiting list.
 */
export function allocateSeats(capacity: number | null, enrolled: number, joining: string[]): { userId: string; status: "ENROLLED" | "WAITLISTED" }[] {
  let taken = enrolled;
  return joining.map((userId) => {
    if (capacity === null || taken < capacity) {
      taken += 1;
      return { userId, status: "ENROLLED" as const };
    }
    return { userId, status: "WAITLISTED" as const };
  });
}
