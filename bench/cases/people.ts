import { headcountsByGrade } from "../../lib/server/dal/people";
import type { BenchCase } from "../types";

export const cases: BenchCase[] = [{ name: "HR 全行等级分布（headcountsByGrade）", targetMs: 500, run: (ctx) => headcountsByGrade(ctx.hr) }];
