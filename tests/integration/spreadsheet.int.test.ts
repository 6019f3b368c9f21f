import { describe, expect, it } from "vitest";
import { readTable, writeTable } from "@/lib/server/spreadsheet";

describe("spreadsheet import/export", () => {
  it("round-trips Chinese text and keeps leading zeros through XLSX and CSV", async () => {
    const rows = [
      { no: "000123", name: "张三", score: 101.5 },
      { no: "300002", name: "李四", score: 88 },
    ];
    const columns = [
      { header: "工号", value: (r: (typeof rows)[number]) => r.no },
      { header: "姓名", value: (r: (typeof rows)[number]) => r.name },
      { header: "得分", value: (r: (typeof rows)[number]) => r.score },
    ];
    for (const format of ["xlsx", "csv"] as const) {
      const file = await writeTable(format, "导出", columns, rows);
      const table = await readTable(file, `out.${format}`);
      expect(table.headers).toEqual(["工号", "姓名", "得分"]);
      expect(table.rows.map((r) => r.values)).toEqual([
        { 工号: "000123", 姓名: "张三", 得分: "101.5" },
        { 工号: "300002", 姓名: "李四", 得分: "88" },
      ]);
      expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
    }
  });

  it("refuses other file types and empty files with a Chinese message", async () => {
    await expect(readTable(Buffer.from("a,b"), "x.txt")).rejects.toThrow("只支持");
    await expect(readTable(Buffer.alloc(0), "x.csv")).rejects.toThrow("文件是空的");
  });
});
