// Input schemas of the competency area (DOMAIN §6): the model editor, cycles, peers and forms.
// Form fields are flat ("name.CLIENT_FOCUS", "req.CLIENT_FOCUS.JUNIOR") so that zod's
// per-field errors land on the right input.
import { z } from "zod";
import { CONTROL_CHAR_MESSAGE, hasControlChars, recordId, text } from "@/lib/schemas/common";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { isIsoDate } from "@/lib/domain/dates";
import {
  COMPETENCY_CODES,
  COMPETENCY_LABELS,
  PROFICIENCY_LEVELS,
  isProficiencyLevel,
  validateRequiredLevels,
  validateSourceWeights,
  type CompetencyCode,
  type RequiredLevels,
  type SourceWeights,
} from "@/lib/domain/competency";

export const INDICATORS_PER_LEVEL_MAX = 6;
const NAME_MAX = 20;
const DEFINITION_MAX = 500;
const INDICATOR_MAX = 200;

const lines = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine((v) => !hasControlChars(v), CONTROL_CHAR_MESSAGE)
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    )
    .check((ctx) => {
      if (ctx.value.length === 0) ctx.issues.push({ code: "custom", message: `${label}至少填写一条行为指标`, input: ctx.value, continue: true });
      else if (ctx.value.length > INDICATORS_PER_LEVEL_MAX)
        ctx.issues.push({ code: "custom", message: `${label}最多 ${INDICATORS_PER_LEVEL_MAX} 条`, input: ctx.value, continue: true });
      else if (ctx.value.some((l) => l.length > INDICATOR_MAX))
        ctx.issues.push({ code: "custom", message: `每条行为指标不超过 ${INDICATOR_MAX} 字`, input: ctx.value, continue: true });
    });

const levelField = z.coerce.number({ error: "请填写 1–5 的整数" }).int("请填写 1–5 的整数").min(1, "请填写 1–5 的整数").max(5, "请填写 1–5 的整数");

const modelShape: Record<string, z.ZodType> = {
  baseVersion: z.coerce.number().int().positive(),
  note: text(200, { label: "修订说明" }).optional().default(""),
};
for (const code of COMPETENCY_CODES) {
  const label = COMPETENCY_LABELS[code];
  modelShape[`name.${code}`] = text(NAME_MAX, { min: 1, label: "名称", minMessage: "请填写名称" });
  modelShape[`definition.${code}`] = text(DEFINITION_MAX, { min: 1, label: "定义", minMessage: "请填写定义" });
  for (const level of PROFICIENCY_LEVELS) modelShape[`indicators.${code}.${level}`] = lines(`${label}第 ${level} 级`);
  for (const grade of GRADES) modelShape[`req.${code}.${grade}`] = levelField;
}

export interface CompetencyDraft {
  code: CompetencyCode;
  name: string;
  definition: string;
  /** Levels 1..5, each a list of behavioural indicators. */
  indicators: string[][];
}

export interface CompetencyModelInput {
  baseVersion: number;
  note: string;
  competencies: CompetencyDraft[];
  required: RequiredLevels;
}

/** The model editor's form, flat; parses into a CompetencyModelInput. */
export const CompetencyModelForm = z
  .object(modelShape)
  .check((ctx) => {
    const v = ctx.value as Record<string, unknown>;
    const matrix = Object.fromEntries(COMPETENCY_CODES.map((code) => [code, Object.fromEntries(GRADES.map((g) => [g, v[`req.${code}.${g}`]]))]));
    for (const [key, message] of Object.entries(validateRequiredLevels(matrix))) {
      // A cell out of range already has its own field error; only the ordering rule is new here.
      if (!isProficiencyLevel(v[`req.${key}`])) continue;
      ctx.issues.push({ code: "custom", message, path: [`req.${key}`], input: v[`req.${key}`], continue: true });
    }
  })
  .transform((v): CompetencyModelInput => {
    const value = v as Record<string, unknown>;
    return {
      baseVersion: value.baseVersion as number,
      note: value.note as string,
      competencies: COMPETENCY_CODES.map((code) => ({
        code,
        name: value[`name.${code}`] as string,
        definition: value[`definition.${code}`] as string,
        indicators: PROFICIENCY_LEVELS.map((level) => value[`indicators.${code}.${level}`] as string[]),
      })),
      required: Object.fromEntries(
        COMPETENCY_CODES.map((code) => [code, Object.fromEntries(GRADES.map((g) => [g, value[`req.${code}.${g}`] as number])) as Record<Grade, number>]),
      ) as RequiredLevels,
    };
  });

const weight = (label: string) => z.coerce.number({ error: `请填写${label}权重` }).refine(Number.isFinite, `请填写${label}权重`);

export const OpenCycleInput = z
  .object({
    name: text(40, { min: 1, label: "周期名称", minMessage: "请填写周期名称" }),
    branchIds: z.array(recordId, { error: "请至少选择一个机构" }).min(1, "请至少选择一个机构"),
    deadline: z.string({ error: "请选择截止日期" }).refine(isIsoDate, "请选择截止日期"),
    weightSelf: weight("自评"),
    weightManager: weight("上级评价"),
    weightPeer: weight("同事评价"),
  })
  .check((ctx) => {
    const errors = validateSourceWeights({ SELF: ctx.value.weightSelf, MANAGER: ctx.value.weightManager, PEER: ctx.value.weightPeer });
    const field = { SELF: "weightSelf", MANAGER: "weightManager", PEER: "weightPeer", total: "weights" } as const;
    for (const [key, message] of Object.entries(errors))
      ctx.issues.push({ code: "custom", message: message as string, path: [field[key as keyof typeof field]], input: ctx.value, continue: true });
  });
export type OpenCycleInput = z.infer<typeof OpenCycleInput>;

export function weightsOf(input: OpenCycleInput): SourceWeights {
  return { SELF: input.weightSelf, MANAGER: input.weightManager, PEER: input.weightPeer };
}

export const NominatePeersInput = z.object({
  cycleId: recordId,
  assesseeId: recordId,
  peerIds: z.array(recordId).max(5, "每人最多提名 5 名同事评估人").min(2, "每人须提名 2–5 名同事评估人"),
});
export type NominatePeersInput = z.infer<typeof NominatePeersInput>;

export interface AssessmentAnswer {
  code: CompetencyCode;
  level: number;
  comment: string;
}

const answerShape: Record<string, z.ZodType> = { assessmentId: recordId };
for (const code of COMPETENCY_CODES) {
  const message = `请为「${COMPETENCY_LABELS[code]}」选择 1–5 级`;
  answerShape[`level.${code}`] = z.coerce.number({ error: message }).int(message).min(1, message).max(5, message);
  answerShape[`comment.${code}`] = text(500, { label: "评语" }).optional().default("");
}

/** The assessment form, flat; parses into the assessment id and nine answers. */
export const SubmitAssessmentForm = z.object(answerShape).transform((v) => {
  const value = v as Record<string, unknown>;
  return {
    assessmentId: value.assessmentId as string,
    answers: COMPETENCY_CODES.map((code): AssessmentAnswer => ({ code, level: value[`level.${code}`] as number, comment: value[`comment.${code}`] as string })),
  };
});

export const CycleIdInput = z.object({ cycleId: recordId });
