import { describe, expect, it } from "vitest";
import { GRADES } from "@/lib/domain/grades";
import { tierForGrade } from "@/lib/domain/curriculum-labels";

describe("tierForGrade", () => {
  it("maps 见习/初级 to the foundation tier, 中级 to advanced, 高级/资深 to expert, assistants to foundation", () => {
    expect(GRADES.map(tierForGrade)).toEqual(["FOUNDATION", "FOUNDATION", "ADVANCED", "EXPERT", "EXPERT"]);
    expect(tierForGrade(null)).toBe("FOUNDATION");
  });
});
