// View models of the contest area, types only: components import these, never the DAL files.
import type { AwardKind, ContestEventKind, Ranking } from "@/lib/domain/contest";
import type { IsoDate, Quarter } from "@/lib/domain/dates";

export interface ContestSummaryView {
  id: string;
  year: number;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  entrants: number;
  withdrawn: number;
  teams: number;
  lockedEvents: number;
}

export interface ContestEventView {
  id: string;
  kind: ContestEventKind;
  heldOn: IsoDate;
  maxScore: number;
  weight: number;
  locked: boolean;
  lockedAt: string | null;
  judges: number;
  scores: number;
}

export interface ContestView extends ContestSummaryView {
  events: ContestEventView[];
  /** The award quarter (the contest's) and the quarters its awards give priority in. */
  awardQuarter: Quarter;
  priorityFrom: Quarter;
  priorityTo: Quarter;
}

export interface EntrantView {
  id: string;
  userId: string;
  name: string;
  employeeNo: string;
  branchId: string;
  branchName: string;
  withdrawn: { at: string; reason: string } | null;
  teamName: string | null;
}

export interface TeamView {
  id: string;
  name: string;
  branchId: string;
  branchName: string;
  members: { entrantId: string; name: string; employeeNo: string }[];
  scored: boolean;
}

export interface JudgeView {
  id: string;
  eventId: string;
  name: string;
  employeeNo: string | null;
  branchName: string | null;
  external: boolean;
  scores: number;
}

export interface StandingRow {
  /** Entrant or team id. */
  id: string;
  rank: number;
  total: number;
  name: string;
  /** Employee number for people; member names for teams. */
  detail: string;
  branchId: string;
  branchName: string;
  /** The raw scores shown beside the total (event kind → score, null when missing). */
  scores: Partial<Record<ContestEventKind, number | null>>;
  userId: string | null;
}

export interface ContestResultsView {
  contest: ContestView;
  rankings: Record<Ranking, StandingRow[]>;
  awards: AwardView[];
}

export interface AwardView {
  id: string;
  kind: AwardKind;
  ranking: Ranking | null;
  holderName: string;
  holderDetail: string;
  branchId: string;
  entrantId: string | null;
  teamId: string | null;
  quarter: Quarter;
  note: string | null;
  revoked: boolean;
}

/** A judge's row to score: the entrant or team, and their own score when already given. */
export interface JudgeTargetView {
  id: string;
  name: string;
  detail: string;
  branchName: string;
  myScore: number | null;
}

export interface JudgeSheetView {
  eventId: string;
  kind: ContestEventKind;
  contestName: string;
  heldOn: IsoDate;
  maxScore: number;
  locked: boolean;
  judge: { id: string; name: string; branchName: string | null };
  targets: JudgeTargetView[];
  /** Entrants/teams left out because they are of the judge's own branch. */
  ownBranchLeftOut: number;
}

/** A score as HR sees it on the event's page, with who gave it. */
export interface ScoreRowView {
  id: string;
  targetId: string;
  targetName: string;
  targetDetail: string;
  branchName: string;
  judgeName: string | null;
  score: number;
  correctionNote: string | null;
}

export interface PriorityMarkView {
  awardLabel: string;
  contestName: string;
  from: Quarter;
  to: Quarter;
  /** Whether the window covers the given quarter (today's). */
  active: boolean;
}

export interface PriorityHolderView {
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  awards: string[];
  /** The last quarter of the longest-running window that covers today's quarter. */
  until: Quarter;
}
