// View models of the programme year, types only: components import these, never the DAL files.
import type { Grade, Role } from "@/lib/domain/grades";
import type { PhaseKind, PhaseStatus } from "@/lib/domain/programme-plan";

export type SeatStatus = "ENROLLED" | "WAITLISTED" | "WITHDRAWN";
export type AttendanceStatus = "PRESENT" | "LATE" | "ABSENT" | "EXCUSED";
export type ParticipantStatus = "PROPOSED" | "ENROLLED" | "REMOVED";
export type ParticipantOrigin = "GRADE" | "HR" | "BRANCH_HEAD";

export interface ProgrammeListItem {
  id: string;
  year: number;
  name: string;
  phases: { id: string; name: string; kind: PhaseKind; status: PhaseStatus; startsOn: string; endsOn: string; sessions: number; participants: number }[];
}

export interface SessionSummary {
  id: string;
  phaseId: string;
  title: string;
  courseCode: string | null;
  /** ISO instants */
  startsAt: string;
  endsAt: string;
  place: string;
  lecturer: string | null;
  lecturerExternal: boolean;
  capacity: number | null;
  enrolled: number;
  waiting: number;
}

export interface PhaseSummary {
  id: string;
  kind: PhaseKind;
  name: string;
  startsOn: string;
  endsOn: string;
  status: PhaseStatus;
  grades: Grade[];
  includeAssistants: boolean;
  feedsQuarter: string | null;
  participants: number;
  proposals: number;
  sessions: SessionSummary[];
}

export interface ProgrammeYearView {
  id: string;
  year: number;
  name: string;
  phases: PhaseSummary[];
}

export interface ParticipantRow {
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  role: Role;
  status: ParticipantStatus;
  origin: ParticipantOrigin;
  reason: string | null;
  /** The grade held on the phase's start date (null: assistant or exited). */
  gradeOnStart: Grade | null;
}

export interface PhaseDetailView {
  programme: { id: string; year: number; name: string };
  phase: PhaseSummary & { goal: string | null; budget: number | null };
  participants: ParticipantRow[];
  /** Eligible by grade on the start date and not yet in the phase in any status. */
  eligibleNotInPhase: number;
  /** Conflicting session pairs among this phase's sessions and those of overlapping phases. */
  conflicts: { a: SessionSummary & { phaseName: string }; b: SessionSummary & { phaseName: string }; reason: string }[];
  courses: { id: string; code: string; title: string }[];
}

export interface SeatRow {
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  status: SeatStatus;
  /** 1-based place on the waiting list */
  waitingPosition: number | null;
  reason: string | null;
  attendance: AttendanceStatus | null;
  attendanceSource: "ROSTER" | "SELF_CHECK_IN" | null;
}

export interface SessionDetailView {
  programme: { id: string; year: number; name: string };
  phase: { id: string; name: string; startsOn: string; endsOn: string; status: PhaseStatus };
  session: SessionSummary & {
    courseId: string | null;
    freeTitle: string | null;
    lecturerId: string | null;
    lecturerNo: string | null;
    lecturerName: string | null;
    checkInToken: string;
  };
  seats: SeatRow[];
  courses: { id: string; code: string; title: string }[];
}

export type CheckInState = "OPEN" | "NOT_YET" | "ENDED" | "NOT_LISTED" | "DONE" | "CLOSED";

export interface CheckInView {
  session: { id: string; title: string; phaseName: string; startsAt: string; endsAt: string; place: string; lecturer: string | null };
  state: CheckInState;
  attendance: AttendanceStatus | null;
}

export interface MySessionView extends SessionSummary {
  seat: SeatStatus;
  waitingPosition: number | null;
  attendance: AttendanceStatus | null;
  /** Whether the session has not started yet (the seat can still be given up). */
  upcoming: boolean;
}

export interface MyPhaseView {
  phaseId: string;
  programmeName: string;
  name: string;
  kind: PhaseKind;
  status: PhaseStatus;
  startsOn: string;
  endsOn: string;
  feedsQuarter: string | null;
  participant: ParticipantStatus;
  sessions: MySessionView[];
  attendedAny: boolean;
}

export interface BranchPhaseView {
  phaseId: string;
  programmeName: string;
  name: string;
  status: PhaseStatus;
  startsOn: string;
  endsOn: string;
  people: {
    userId: string;
    name: string;
    employeeNo: string;
    status: ParticipantStatus;
    origin: ParticipantOrigin;
    reason: string | null;
    sessions: { sessionId: string; title: string; startsAt: string; seat: SeatStatus; attendance: AttendanceStatus | null }[];
  }[];
}

export interface BranchProgrammeView {
  phases: BranchPhaseView[];
  /** Phases a branch head may still propose people for (not closed). */
  openPhases: { id: string; label: string }[];
  people: { employeeNo: string; name: string; role: Role }[];
}
