import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DomainError } from "@/lib/server/errors";

export interface Table {
  headers: string[];
  /** One record per data row, keyed by header; `line` is the row number a person sees in the file. */
  rows: { line: number; values: Record<string, string> }[];
}

const MAX_BYTES = 10 * 1024 * 1024;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
  }
  return String(value).trim();
}

/**
 * Reads the first sheet of an XLSX file or a CSV file (UTF-8, with or without BOM) into rows keyed
 * by the header row. Values stay text: an employee number like 000123 keeps its zeros.
 */
export type ImportData = ArrayBuffer | Buffer | Blob;

export async function readTable(data: ImportData, fileName: string): Promise<Table> {
  if (data instanceof Blob && data.size > MAX_BYTES) throw new DomainError("文件超过 10 MB，请拆分后分批导入");
  const buffer = Buffer.isBuffer(data) ? data : data instanceof Blob ? Buffer.from(await data.arrayBuffer()) : Buffer.from(data);
  if (buffer.byteLength === 0) throw new DomainError("文件是空的，请选择填写好的模板文件");
  if (buffer.byteLength > MAX_BYTES) throw new DomainError("文件超过 10 MB，请拆分后分批导入");
  const workbook = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (lower.endsWith(".xlsx")) {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else if (lower.endsWith(".csv")) {
      const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
      sheet = await workbook.csv.read(Readable.from([text]), { map: (value: string) => value } as never);
    } else {
      throw new DomainError("只支持 .xlsx 或 .csv 文件");
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("无法读取文件，请确认是有效的 .xlsx 或 UTF-8 编码的 .csv 文件");
  }
  if (!sheet || sheet.rowCount === 0) throw new DomainError("文件中没有数据");
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value);
  });
  const rows: Table["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    headers.forEach((header, i) => {
      if (!header) return;
      const text = cellText(row.getCell(i + 1).value);
      if (text) any = true;
      values[header] = text;
    });
    if (any) rows.push({ line, values });
  });
  return { headers: headers.filter(Boolean), rows };
}

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
