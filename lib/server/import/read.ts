import "server-only";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { DomainError } from "@/lib/server/errors";
import { hasControlChars } from "@/lib/schemas/common";
import { IMPORT_LIMITS, type ImportLimits } from "./limits";
import { zipArchive } from "./zip";

/** A spreadsheet's first sheet: header row and data rows keyed by header, all values as text. */
export interface Table {
  headers: string[];
  /** One record per data row, keyed by header; `line` is the row number a person sees in the file. */
  rows: { line: number; values: Record<string, string> }[];
}

export type ImportData = ArrayBuffer | Buffer | Blob;

const SIZE_MESSAGE = (limits: ImportLimits) => `文件超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB，请拆分后分批导入`;

/**
 * Reads an uploaded .xlsx or .csv within hard limits, refusing with a Chinese message as soon as a
 * limit is passed: the size before anything is read, then — while streaming, row by row — the
 * number of rows and columns, the length of each cell and control characters. A file that expands
 * to millions of rows therefore stops after `maxRows`, in little time and memory. Header cells are
 * cut short, so nothing long is ever echoed back.
 */
export async function readUpload(data: ImportData, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<Table> {
  const size = data instanceof Blob ? data.size : data.byteLength;
  if (size === 0) throw new DomainError("文件是空的，请选择填写好的模板文件");
  if (size > limits.maxBytes) throw new DomainError(SIZE_MESSAGE(limits));
  const buffer = Buffer.isBuffer(data) ? data : data instanceof Blob ? Buffer.from(await data.arrayBuffer()) : Buffer.from(data);
  const lower = fileName.toLowerCase();
  const builder = new TableBuilder(limits);
  if (lower.endsWith(".xlsx")) await readXlsx(buffer, builder, limits);
  else if (lower.endsWith(".csv")) readCsv(buffer, builder);
  else throw new DomainError("只支持 .xlsx 或 .csv 文件");
  return builder.table();
}

/** Collects rows and enforces the per-row limits, whichever format they came from. */
class TableBuilder {
  private headers: string[] | null = null;
  private readonly rows: Table["rows"] = [];
  constructor(private readonly limits: ImportLimits) {}

  add(line: number, cells: string[]): void {
    if (cells.length > this.limits.maxColumns && cells.slice(this.limits.maxColumns).some((c) => c !== "")) {
      throw new DomainError(`第 ${line} 行超过 ${this.limits.maxColumns} 列，请只保留模板中的列`);
    }
    cells.forEach((cell, i) => {
      if (cell.length > this.limits.maxCellLength) throw new DomainError(`第 ${line} 行第 ${i + 1} 列的内容超过 ${this.limits.maxCellLength} 个字，请检查文件`);
      if (hasControlChars(cell)) throw new DomainError(`第 ${line} 行第 ${i + 1} 列含有不可见的控制字符，请删除后重新导入`);
    });
    if (this.headers === null) {
      this.headers = cells.slice(0, this.limits.maxColumns).map((h) => truncate(h.trim(), this.limits.maxHeaderLength));
      return;
    }
    if (!cells.some((c) => c !== "")) return;
    if (this.rows.length >= this.limits.maxRows) throw new DomainError(`文件超过 ${this.limits.maxRows.toLocaleString("en-US")} 行数据，请拆分后分批导入`);
    const values: Record<string, string> = {};
    this.headers.forEach((header, i) => {
      if (header) values[header] = cells[i] ?? "";
    });
    this.rows.push({ line, values });
  }

  table(): Table {
    if (this.headers === null) throw new DomainError("文件中没有数据");
    return { headers: this.headers.filter(Boolean), rows: this.rows };
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return "";
  }
  return String(value).trim();
}

const UNREADABLE = "无法读取文件，请确认是有效的 .xlsx 或 UTF-8 编码的 .csv 文件";

async function readXlsx(buffer: Buffer, builder: TableBuilder, limits: ImportLimits): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([boundedXlsx(buffer, limits)]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      let expected = 1;
      for await (const row of sheet) {
        // Blank rows are not in the file; a header must be on row 1.
        if (row.number > expected + limits.maxRows) throw new DomainError(`文件超过 ${limits.maxRows.toLocaleString("en-US")} 行数据，请拆分后分批导入`);
        expected = row.number;
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        if (values.length > limits.maxColumns * 4) throw new DomainError(`第 ${row.number} 行超过 ${limits.maxColumns} 列，请只保留模板中的列`);
        builder.add(
          row.number,
          Array.from(values, (v) => cellText(v as ExcelJS.CellValue)),
        );
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(UNREADABLE);
  }
}

const XLSX_PARTS = [
  /^_rels\/\.rels$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
];

/**
 * An XLSX is a ZIP, and a few MB of ZIP can expand to millions of rows. Before the spreadsheet
 * reader sees it, the parts it needs are inflated here with a hard cap on their expanded size
 * (whatever the ZIP claims), then handed over uncompressed and in reading order — shared strings
 * before the sheet, so the reader streams the sheet instead of spooling it to disk — where the
 * row limit then stops it early.
 */
function boundedXlsx(buffer: Buffer, limits: ImportLimits): Buffer {
  const tooBig = () => new DomainError(`文件解压后超过 ${Math.round(limits.maxExpandedBytes / 1024 / 1024)} MB（数据过多），请拆分后分批导入`);
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw new DomainError(UNREADABLE);
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const parts: { name: string; data: Buffer }[] = [];
  let budget = limits.maxExpandedBytes;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw new DomainError(UNREADABLE);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const next = offset + 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
    const name = buffer.toString("utf8", offset + 46, offset + 46 + nameLength);
    const local = buffer.readUInt32LE(offset + 42);
    offset = next;
    if (!XLSX_PARTS.some((re) => re.test(name))) continue;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw new DomainError(UNREADABLE);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    if (raw.length !== compressedSize) throw new DomainError(UNREADABLE);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (error instanceof RangeError) throw tooBig();
        throw new DomainError(UNREADABLE);
      }
    } else throw new DomainError(UNREADABLE);
    budget -= data.length;
    if (budget < 0) throw tooBig();
    parts.push({ name, data });
  }
  const rank = (name: string) => XLSX_PARTS.findIndex((re) => re.test(name));
  const sheetNo = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
  parts.sort((a, b) => rank(a.name) - rank(b.name) || sheetNo(a.name) - sheetNo(b.name));
  return storedZip(parts);
}

/** A ZIP of uncompressed entries (what the streaming reader reads fastest). */
function storedZip(parts: { name: string; data: Buffer }[]): Buffer {
  return zipArchive(parts.map(({ name, data }) => ({ name, data, method: 0, crc: zlib.crc32(data), size: data.length })));
}

/** RFC 4180 CSV (UTF-8, optional BOM), parsed in one pass; the builder stops it at the first limit. */
function readCsv(buffer: Buffer, builder: TableBuilder): void {
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\uFFFD")) throw new DomainError(UNREADABLE);
  let line = 1;
  let rowStart = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  const endRow = () => {
    cells.push(cell.trim());
    builder.add(rowStart, cells);
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell.trim());
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowStart = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) endRow();
}
