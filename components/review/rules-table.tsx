import { DataTable } from "@/components/ui/table";
import { GRADES, gradeTitle, type Grade } from "@/lib/domain/grades";
import { certificationNames, type CertificationNames, type GradeRule } from "@/lib/domain/promotion";

/** Entry requirements per grade, as a compact table; certifications by HR's Chinese names. */
export function RulesTable({ rules, caption, names }: { rules: Record<Grade, GradeRule>; caption?: string; names?: CertificationNames }) {
  return (
    <DataTable caption={caption} captionClassName="mb-2 text-left text-sm text-slate-600" columns={["等级", "最低任职年限", "须持有的有效认证", "晋升方式"]}>
      {GRADES.map((g) => (
        <tr key={g} className="border-t border-slate-100">
          <th scope="row" className="py-2 pr-4 text-left font-medium">
            {gradeTitle(g)}
          </th>
          <td className="py-2 pr-4 tabular-nums">{g === "TRAINEE" ? "成为客户经理即为见习" : `${rules[g].minTenureMonths} 个月`}</td>
          <td className="py-2 pr-4">{rules[g].certifications?.length ? certificationNames(rules[g].certifications!, names) : "—"}</td>
          <td className="py-2">
            {g === "TRAINEE" ? "—" : rules[g].byCertification && rules[g].certifications?.length ? "通过认证即可晋升，或连续两个季度优秀" : "连续两个季度优秀"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
