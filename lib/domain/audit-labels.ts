// The audit log in words a reader of the bank understands: what was done, to what, and what each
// recorded field means — codes never reach the screen or the export.
import { GRADE_CHANGE_REASON_LABELS, GRADE_LABELS, RATING_LABELS, ROLE_LABELS } from "./grades";
import { certificationName } from "./promotion";
import { CATEGORY_LABELS, DELIVERY_LABELS, ENROLMENT_STATUS_LABELS, TIER_LABELS } from "./curriculum-labels";
import {
  ATTENDANCE_LABELS,
  PARTICIPANT_ORIGIN_LABELS,
  PARTICIPANT_STATUS_LABELS,
  PHASE_KIND_LABELS,
  PHASE_STATUS_LABELS,
  SEAT_LABELS,
} from "./programme-labels";
import { AWARD_LABELS, CONTEST_EVENT_LABELS, RANKING_LABELS } from "./contest";
import { SOURCE_LABELS } from "./competency";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  APPRAISAL_SAVE: "保存考评",
  APPRAISAL_CORRECT: "更正已锁定的考评",
  RORAC_SAVE: "录入 RORAC 业务条线",
  RORAC_CORRECT: "更正已锁定季度的 RORAC 业务条线",
  RORAC_IMPORT: "导入 RORAC 业务条线",
  APPRAISAL_IMPORT: "导入考评结果",
  APPRAISAL_IMPORT_FILE: "导入考评文件",
  APPRAISAL_RESCORE: "按新模板重算得分",
  APPRAISAL_FORCED_DISTRIBUTION: "强制分布调整",
  APPRAISAL_QUARTER_OPEN: "开启考评季度",
  APPRAISAL_QUARTER_LOCK: "锁定考评季度",
  APPRAISAL_QUARTER_TEMPLATE: "季度改用新评分模板",
  SCORECARD_TEMPLATE_CREATE: "保存评分模板",
  GRADE_CHANGE: "等级变动",
  GRADE_CHANGE_VOID: "作废等级变动",
  GRADE_RULES_CREATE: "制定晋级条件",
  GRADE_RULES_REPLACE: "修改晋级条件",
  INITIAL_GRADING: "定级",
  REVIEW_EXCLUDE: "排除出晋级评审",
  REVIEW_INCLUDE: "恢复参加晋级评审",
  REVIEW_QUOTAS: "设置晋升名额",
  REVIEW_COMMIT: "提交晋级评审",
  REVIEW_REVERT: "撤销晋级评审",
  CERTIFICATION_RECORD: "登记资格认证",
  CERTIFICATION_IMPORT: "导入资格认证",
  COMPETENCY_MODEL_VERSION: "保存胜任力模型",
  OPEN_ASSESSMENT_CYCLE: "开启评估周期",
  CLOSE_ASSESSMENT_CYCLE: "关闭评估周期",
  NOMINATE_PEERS: "提名同事评估人",
  SUBMIT_ASSESSMENT: "提交胜任力评估",
  COURSE_CREATE: "新建课程",
  COURSE_UPDATE: "修改课程",
  COURSE_RETIRE: "停用课程",
  COURSE_REACTIVATE: "重新启用课程",
  COURSE_ASSIGN: "指派课程",
  ENROL: "报名课程",
  ENROLMENT_START: "开始学习",
  COMPLETION: "登记完成",
  COMPLETION_IMPORT: "导入完成记录",
  WAIVE: "免修",
  SYNC_REQUIRED_COURSES: "补充分配必修课",
  CREATE_PERSON: "新增人员",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  User: "人员",
  Appraisal: "考评结果",
  RoracLine: "RORAC 业务条线",
  AppraisalQuarter: "考评季度",
  Assessment: "胜任力评估",
  AssessmentCycle: "评估周期",
  CompetencyModel: "胜任力模型",
  Course: "课程",
  Enrolment: "学习记录",
  GradeRuleSet: "晋级条件",
  PromotionReview: "晋级评审",
  ScorecardTemplate: "评分模板",
  System: "系统",
};

const FIELD_LABELS: Record<string, string> = {
  grade: "等级",
  fromGrade: "原等级",
  toGrade: "新等级",
  rating: "评级",
  score: "得分",
  reason: "原因",
  note: "说明",
  status: "状态",
  role: "岗位",
  source: "来源",
  version: "版本",
  code: "代码",
  title: "名称",
  name: "名称",
  passedOn: "通过日期",
  validUntil: "有效期至",
  completedOn: "完成日期",
  dueDate: "截止日期",
  hours: "学时",
  examScore: "考试成绩",
  quarter: "季度",
  rows: "行数",
  created: "新增",
  replaced: "替换",
  fileName: "文件",
  tier: "层级",
  category: "类别",
  delivery: "授课方式",
  required: "必修",
  quotas: "晋升名额",
  participants: "参评人数",
  deadline: "截止日期",
  employeeNo: "工号",
  effectiveFromQuarter: "起始季度",
  adjusted: "调整人数",
  count: "人数",
};

const VALUE_LABELS: Record<string, string> = {
  ...GRADE_LABELS,
  ...RATING_LABELS,
  ...ROLE_LABELS,
  ...GRADE_CHANGE_REASON_LABELS,
  ...TIER_LABELS,
  ...CATEGORY_LABELS,
  ...DELIVERY_LABELS,
  ...ENROLMENT_STATUS_LABELS,
  ...PHASE_KIND_LABELS,
  ...PHASE_STATUS_LABELS,
  ...ATTENDANCE_LABELS,
  ...SEAT_LABELS,
  ...PARTICIPANT_STATUS_LABELS,
  ...PARTICIPANT_ORIGIN_LABELS,
  ...CONTEST_EVENT_LABELS,
  ...RANKING_LABELS,
  ...SOURCE_LABELS,
  ...AWARD_LABELS,
  // Action-plan follow-ups and the programme's forms.
  ON_TRACK: "进展顺利",
  AT_RISK: "存在风险",
  OFF_TRACK: "明显滞后",
  DONE: "已完成",
  SUBMITTED: "已提交",
  SCORE: "按指标打分",
  SIGN_OUT: "退出登录",
  EXIT: "退出",
  PASSWORD_CHANGED: "修改密码",
  PASSWORD_RESET: "重置密码",
  SELF_CHECK_IN: "自助签到",
  ROSTER: "名单登记",
  ACTIVE: "在职",
  EXITED: "已退出",
  OPEN: "进行中",
  LOCKED: "已锁定",
  CLOSED: "已关闭",
  RETIRED: "已停用",
  DRAFT: "草稿",
  COMMITTED: "已提交",
  REVERTED: "已撤销",
  IMPORT: "文件导入",
  FORM: "表单录入",
  MANUAL: "人工录入",
  SCORECARD: "按指标打分",
  DIRECT: "直接评级",
  PROMOTE: "晋级",
  DEMOTE: "降级",
  NONE: "不变",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? "其他操作";
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? "其他";
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return VALUE_LABELS[value] ?? (/^[A-Z][A-Z0-9_]+$/.test(value) ? certificationName(value) : value);
  if (Array.isArray(value)) return value.length === 0 ? "（无）" : value.map(valueText).join("、");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? "（无）" : entries.map(([k, v]) => `${VALUE_LABELS[k] ?? k}：${valueText(v)}`).join("，");
  }
  return String(value);
}

/**
 * A recorded before/after object as readable lines ("等级：中级"); internal fields (ids, record
 * versions of other tables) are left out, and fields without a Chinese name are counted, not shown.
 */
export function describeAuditValues(value: unknown, certificationNames: ReadonlyMap<string, string> = new Map()): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== "object" || Array.isArray(value)) return [valueText(value)];
  const lines: string[] = [];
  let other = 0;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const label = FIELD_LABELS[key];
    // A certification code is data HR enters: shown by HR's name for it, never as the code.
    if (key === "code" && typeof v === "string")
      lines.push(`认证：${certificationNames.get(v) ?? (certificationName(v) !== v ? certificationName(v) : "未命名的认证")}`);
    else if (label) lines.push(`${label}：${valueText(v)}`);
    else if (!/id$|Id$|^values$/.test(key)) other += 1;
  }
  if (other > 0) lines.push(`另有 ${other} 项内部字段`);
  return lines;
}
