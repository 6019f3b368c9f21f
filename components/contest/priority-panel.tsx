import { Card, EmptyState } from "@/components/ui/card";
import { PersonCell } from "@/components/people/person-cell";
import { DataTable } from "@/components/ui/table";
import type { PriorityHolderView } from "@/lib/server/dal/contest/views";
import { PriorityBadge } from "./priority-badge";

/**
 * 晋升和调配优先 holders for a dashboard (branch head: own branch; HR: the bank). Load the rows with
 * `priorityHoldersForViewer(viewer)` from lib/server/dal/contest/awards.
 */
export function PriorityPanel({ holders, showBranch = false }: { holders: PriorityHolderView[]; showBranch?: boolean }) {
  return (
    <Card title="业务技能大比拼获奖者（晋升和调配优先）">
      {holders.length === 0 ? (
        <EmptyState title="目前没有享有晋升和调配优先的人员" hint="业务技能大比拼颁奖后，获奖者在随后四个季度内显示在这里。" />
      ) : (
        <DataTable testId="priority-holders" columns={["人员", ...(showBranch ? ["支行"] : []), "奖项", "优先期"]}>
          {holders.map((h) => (
            <tr key={h.userId} className="border-t border-slate-100">
              <PersonCell id={h.userId} name={h.name} employeeNo={h.employeeNo} />
              {showBranch ? <td className="py-2 pr-4 whitespace-nowrap">{h.branchName}</td> : null}
              <td className="py-2 pr-4">{h.awards.join("、")}</td>
              <td className="py-2">
                <PriorityBadge until={h.until} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
