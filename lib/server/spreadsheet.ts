import "server-only";
import ExcelJS from "exceljs";

// Writing spreadsheets (exports, templates). Reading uploads is the import module's (lib/server/import).

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/**
 * A cell as it may leave the app: text starting with = + - @, a tab or a carriage return would be
 * run as a formula by Excel or LibreOffice (CSV injection), so it gets a leading apostrophe and
 * stays text. Numbers are written as numbers.
 */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Writes rows as XLSX or as CSV with a BOM (so Excel shows the Chinese correctly); every cell through `safeCell`. */
export async function writeTable<T>(format: "xlsx" | "csv", sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: String(safeCell(c.header)), width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  for (const row of rows) sheet.addRow(columns.map((c) => safeCell(c.value(row))));
  sheet.getRow(1).font = { bold: true };
  if (format === "xlsx") return Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from("\uFEFF", "utf8"), csv]);
}

export function contentType(format: "xlsx" | "csv"): string {
  return format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
}

/**
 * A text cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so free text typed by users (comments, names) can
 * never run as a formula when the export is opened. Numbers are left alone.
 */
export function neutraliseCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface SheetSpec<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
}

/** Several sheets in one XLSX workbook; every text cell goes through neutraliseCell. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
export async function writeWorkbook(sheets: SheetSpec<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => neutraliseCell(c.value(row))));
    sheet.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
