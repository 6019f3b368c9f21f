import { describe, expect, it } from "vitest";
import { writeTable } from "@/lib/server/spreadsheet";
import { readUpload as readTable } from "@/lib/server/import";

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

describe("formula-safe exports", () => {
  it("neutralises cells starting with = + - @, a tab or a carriage return in CSV and XLSX; numbers stay numbers", async () => {
    const hostile = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1", "张三", "a=b"];
    const rows = hostile.map((text, i) => ({ text, n: -i }));
    const columns = [
      { header: "内容", value: (r: (typeof rows)[number]) => r.text },
      { header: "数", value: (r: (typeof rows)[number]) => r.n },
    ];
    for (const format of ["xlsx", "csv"] as const) {
      const table = await readTable(await writeTable(format, "导出", columns, rows), `out.${format}`);
      const texts = table.rows.map((r) => r.values["内容"]);
      for (const text of texts.slice(0, 6)) expect(text.startsWith("'"), `${format}: ${text}`).toBe(true);
      expect(texts.slice(6)).toEqual(["张三", "a=b"]);
      expect(table.rows[2].values["数"]).toBe("-2");
    }
  });
});
