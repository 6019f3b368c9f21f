// Types of the audit browser, for components (import type only).
export interface AuditFilters {
  /** 工号 or name of the person the entry is about. */
  person?: string;
  /** 工号 or name of who did it. */
  actor?: string;
  /** An action code from AUDIT_ACTION_LABELS. */
  kind?: string;
  from?: string;
  to?: string;
  page?: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorName: string | null;
  actorEmployeeNo: string | null;
  action: string;
  entity: string;
  /** The person the entry is about, when it is about one. */
  personName: string | null;
  personEmployeeNo: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

export interface AuditPage {
  entries: AuditEntryView[];
  total: number;
  page: number;
  pageCount: number;
  /** Action codes present in the log, for the filter. */
  kinds: string[];
}
