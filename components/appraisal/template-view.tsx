import { RATING_LABELS } from "@/lib/domain/grades";
import type { RatingBands, ScorecardTemplate } from "@/lib/domain/scoring";
import { computeAhp, formatSaatyValue } from "@/lib/domain/ahp";
import { MatrixGrid } from "./matrix-grid";
import { DataTable, right } from "@/components/ui/table";

/** The scorecard as a table: dimensions with their weights, indicators with weight, direction and range. */
export function TemplateView({
  template,
  bands,
  maxExcellentPct,
  ahpMatrix = null,
  indicatorAhp = {},
}: {
  template: ScorecardTemplate;
  bands: RatingBands;
  maxExcellentPct: number | null;
  /** The pairwise matrices the weights came from (dimension level, and per dimension code). */
  ahpMatrix?: number[][] | null;
  indicatorAhp?: Record<string, number[][]>;
}) {
  const matrices = [
    ...(ahpMatrix ? [{ title: "维度权重的判断矩阵", items: template.dimensions, matrix: ahpMatrix }] : []),
    ...template.dimensions.flatMap((d) =>
      indicatorAhp[d.code] ? [{ title: `「${d.name}」内指标权重的判断矩阵`, items: d.indicators, matrix: indicatorAhp[d.code] }] : [],
    ),
  ].filter((m) => m.matrix.length === m.items.length);
  return (
    <div className="space-y-4">
      <DataTable testId="template-view" columns={["维度", right("维度权重"), "指标", right("指标权重"), "计分方式与取值范围"]}>
        {template.dimensions.map((d) =>
          d.indicators.map((i, k) => (
            <tr key={i.code} className={k === 0 ? "border-t border-slate-200" : ""}>
              {k === 0 ? (
                <>
                  <th scope="rowgroup" rowSpan={d.indicators.length} className="py-2 pr-4 text-left align-top font-medium">
                    {d.name}
                  </th>
                  <td rowSpan={d.indicators.length} className="py-2 pr-4 text-right align-top tabular-nums" data-testid={`dimension-weight-${d.code}`}>
                    {d.weight}
                  </td>
                </>
              ) : null}
              <td className="py-2 pr-4">{i.name}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{i.weight}</td>
              <td className="py-2 text-slate-600">
                {i.lowerIsBetter
                  ? `越低越好：目标 ≤ ${i.target}${i.unit ?? ""}，得分 = 目标 ÷ 实际 × 100`
                  : i.target
                    ? `实际 ÷ 目标（${i.target}）× 100`
                    : "直接计分（百分制，超过 100 表示超额完成）"}
                {i.min !== undefined && i.max !== undefined ? `；${i.min}～${i.max}${i.unit ?? ""}` : ""}
              </td>
            </tr>
          )),
        )}
      </DataTable>
      {matrices.map((m) => (
        <StoredMatrix key={m.title} {...m} />
      ))}
      <p className="text-sm text-slate-600">
        评级分数线：{(["EXCELLENT", "GOOD", "QUALIFIED", "BASIC"] as const).map((k) => `${RATING_LABELS[k]} ≥ ${bands[k]}`).join("，")}，低于 {bands.BASIC}{" "}
        为不合格。单项指标得分封顶 150。
        {maxExcellentPct === null ? " 不限制优秀比例。" : ` 每个机构优秀比例上限 ${maxExcellentPct}%。`}
      </p>
    </div>
  );
}

/** A stored pairwise matrix with its consistency ratio, read-only. */
function StoredMatrix({ title, items, matrix }: { title: string; items: { code: string; name: string }[]; matrix: number[][] }) {
  const cr = computeAhp(matrix).cr;
  return (
    <figure className="space-y-1" data-testid="stored-ahp-matrix">
      <figcaption className="text-sm font-medium text-slate-800">
        {title}（CR = {cr.toFixed(4)}）
      </figcaption>
      <MatrixGrid items={items} cell={(i, j) => formatSaatyValue(matrix[i][j])} />
    </figure>
  );
}
