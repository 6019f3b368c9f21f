// View models of the after-phase forms, follow-ups, phase report and mentoring: types only, so
// components never import a DAL implementation file.

export type FormStatus = "DRAFT" | "SUBMITTED";
export type FollowUpStatus = "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "DONE";
export type AttendanceStatus = "PRESENT" | "LATE" | "ABSENT" | "EXCUSED";

export interface EvaluationFormView {
  session: {
    id: string;
    title: string;
    phaseName: string;
    startsAt: string;
    endsAt: string;
    place: string;
    lecturer: string | null;
  };
  /** The viewer's attendance of the session (null: not recorded). */
  attendance: AttendanceStatus | null;
  /** Only attendees (present or late) may fill in the form. */
  canFill: boolean;
  evaluation: {
    content: number | null;
    delivery: number | null;
    organisation: number | null;
    applicability: number | null;
    comments: string | null;
    status: FormStatus;
    submittedAt: string | null;
    updatedAt: string;
  } | null;
}

export interface FollowUpView {
  checkpoint: number;
  status: FollowUpStatus;
  note: string;
  recordedAt: string;
  recordedBy: string | null;
}

export interface ActionPlanFormView {
  phase: { id: string; name: string; startsOn: string; endsOn: string; feedsQuarter: string | null };
  /** Sessions of the phase the viewer attended (present or late). */
  attendedSessions: number;
  canFill: boolean;
  plan: {
    id: string;
    goals: string;
    actions: string;
    deadline: string | null;
    resources: string | null;
    successMeasure: string | null;
    status: FormStatus;
    submittedAt: string | null;
    quarter: string | null;
    finalScore: number | null;
    scoredAt: string | null;
    followUps: FollowUpView[];
  } | null;
}

export interface BranchActionPlanView {
  id: string;
  userId: string;
  name: string;
  employeeNo: string;
  phaseName: string;
  goals: string;
  actions: string;
  deadline: string | null;
  resources: string | null;
  successMeasure: string | null;
  submittedAt: string;
  quarter: string | null;
  /** The linked quarter is locked: no more final score. */
  quarterLocked: boolean;
  finalScore: number | null;
  followUps: FollowUpView[];
  /** Checkpoints whose day (submission + N days) has come and that have no follow-up yet. */
  dueCheckpoints: number[];
}

export interface FollowUpDue {
  actionPlanId: string;
  name: string;
  phaseName: string;
  checkpoint: number;
  dueOn: string;
}

/** The number of 培训效果评估表 and their mean marks (null: no evaluation). */
export interface EvaluationMeans {
  evaluations: number;
  content: number | null;
  delivery: number | null;
  organisation: number | null;
  applicability: number | null;
  overall: number | null;
}

export interface ReportSessionRow extends EvaluationMeans {
  id: string;
  title: string;
  startsAt: string;
  lecturer: string;
  seats: number;
  attended: number;
}

export interface ReportLecturerRow extends EvaluationMeans {
  lecturer: string;
  sessions: number;
}

export interface EffectSide {
  quarter: string;
  /** Attendees with a rating in the quarter. */
  rated: number;
  /** Of those, rated from a score. */
  scored: number;
  meanScore: number | null;
  /** Mean rating level, 优秀 = 5 … 不合格 = 1. */
  meanLevel: number | null;
}

export interface PhaseReportView {
  programme: { id: string; name: string };
  phase: { id: string; name: string; startsOn: string; endsOn: string; feedsQuarter: string | null; status: string };
  participants: number;
  /** People who attended at least one session. */
  attendees: number;
  /** (session, person) pairs expected: enrolled seats, plus attendance recorded without a seat. */
  expectedAttendance: number;
  attendedCount: number;
  attendanceRate: number | null;
  sessions: ReportSessionRow[];
  lecturers: ReportLecturerRow[];
  comments: { sessionTitle: string; comment: string }[];
  plans: {
    submitted: number;
    submissionRate: number | null;
    followedUp: number;
    followUpRate: number | null;
    byCheckpoint: Record<number, number>;
    scored: number;
    meanFinalScore: number | null;
  };
  effect: { before: EffectSide; after: EffectSide };
}

export interface ReflectionView {
  id: string;
  month: string;
  body: string;
  submittedAt: string;
  reply: string | null;
  repliedAt: string | null;
}

export interface MentorshipView {
  id: string;
  mentee: { id: string; name: string; employeeNo: string; branchName: string };
  mentor: { id: string; name: string; employeeNo: string; roleLabel: string };
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  active: boolean;
  reflections: ReflectionView[];
  overdueMonths: string[];
  /** Months from the start month through this month (or the end month) without a reflection, newest first. */
  openMonths: string[];
}
