import "server-only";
// The one import module: every spreadsheet import reads, limits, reports and locks through here.
export { readUpload, type ImportData, type Table } from "./read";
export { IMPORT_LIMITS, type ImportLimits } from "./limits";
export { capProblems } from "./problems";
export { lockImport, type ImportKind } from "./lock";
