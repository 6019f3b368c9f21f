import { advancePhaseAction } from "@/lib/actions/programme";
import { PHASE_ADVANCE_LABELS, PHASE_STATUS_LABELS } from "@/lib/domain/programme-labels";
import { nextPhaseStatus, type PhaseStatus } from "@/lib/domain/programme-plan";
import { ActionForm } from "./action-form";

/** HR's button that moves a phase one step forward, after a confirmation (phases never go back). */
export function AdvancePhase({ phaseId, name, status }: { phaseId: string; name: string; status: PhaseStatus }) {
  const next = nextPhaseStatus(status);
  const label = PHASE_ADVANCE_LABELS[status];
  if (!next || !label) return null;
  return (
    <ActionForm
      action={advancePhaseAction}
      submitLabel={label}
      pendingLabel="正在更新…"
      tone="plain"
      size="sm"
      className=""
      label={`${name}：${label}`}
      confirmText={`确定把「${name}」从「${PHASE_STATUS_LABELS[status]}」改为「${PHASE_STATUS_LABELS[next]}」吗？阶段状态只能向前推进，不能撤回。${next === "CLOSED" ? "结束后不能再修改场次、学员和出勤。" : ""}`}
    >
      <input type="hidden" name="phaseId" value={phaseId} />
      <input type="hidden" name="expected" value={status} />
    </ActionForm>
  );
}
