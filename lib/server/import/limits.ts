import "server-only";

/** The limits every import (ratings, certifications, completions, contest scores, people) obeys. */
export interface ImportLimits {
  /** Upload size, checked before the file is read. */
  maxBytes: number;
  /** What an XLSX's parts may expand to (declared in its ZIP directory). */
  maxExpandedBytes: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell. */
  maxCellLength: number;
  /** Characters of a header cell kept (and ever echoed back). */
  maxHeaderLength: number;
  /** Problems listed in a report; the total is always given. */
  maxProblems: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxBytes: 8 * 1024 * 1024,
  maxExpandedBytes: 80 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 60,
  maxCellLength: 2_000,
  maxHeaderLength: 40,
  maxProblems: 200,
};
