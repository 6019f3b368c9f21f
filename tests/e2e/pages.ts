// Every page of the app, per role: the accessibility and phone-width checks (a11y.spec.ts) walk
// this list. When you add a page, add it here.
//
// `path` is either a fixed path or `{ from, link }`: open `from` (itself a path or another
// reference) and follow the first link whose href matches `link` — for pages whose address holds
// an id or a quarter of the demo bank.

export type PageRef = string | { from: PageRef; link: RegExp };

export interface PageCheck {
  /** Who looks at the page (demo login), or null for a signed-out visitor. */
  login: string | null;
  path: PageRef;
  /** Text the tab title must contain (the title is "<this> · 鹰阶"). */
  title: string;
}

export const HR = "hr@eagle.test";
export const HEAD = "head1@eagle.test";
export const AM = "am1@eagle.test";
export const ASSISTANT = "as1@eagle.test";

/** The page `from`, then the first link on it whose href matches `link`. */
const via = (from: PageRef, link: RegExp): PageRef => ({ from, link });

const HR_QUARTER = via("/hr/appraisal", /^\/hr\/appraisal\/\d{4}Q[1-4]$/);
const HEAD_QUARTER = via("/branch/appraisal", /^\/branch\/appraisal\/\d{4}Q[1-4]$/);
const HEATMAP_BRANCH = via("/hr/competencies/heatmap", /^\/hr\/competencies\/heatmap\/[^/?#]+(\?cycle=[^/#]+)?$/);
/** The peer-nomination page of a cycle, in HR's or a branch head's area. */
const peers = (area: "hr" | "branch") => new RegExp(`^/${area}/competencies/cycles/[^/]+/peers/[^/?#]+$`);
const PROGRAMME = via("/hr/programmes", /^\/hr\/programmes\/[^/?#]+$/);
const PHASE = via(PROGRAMME, /^\/hr\/programmes\/[^/]+\/phases\/[^/?#]+$/);
const CONTEST = "/hr/contest/demo-phase-contest";
/** A page of the demo contest reached from its set-up page: `/hr/contest/<id>/<tail>`. */
const contestPage = (tail: string) => via(CONTEST, new RegExp(`^/hr/contest/[^/]+/${tail}$`));
/** A RORAC page of a quarter's sheet: `/<area>/appraisal/<quarter>/rorac/<person>`. */
const rorac = (area: "hr" | "branch", quarter: PageRef) => via(quarter, new RegExp(`^/${area}/appraisal/\\d{4}Q[1-4]/rorac/[^/?#]+$`));

/** One viewer's pages, each as [path, title]. */
const pagesOf = (login: string | null, pages: [PageRef, string][]): PageCheck[] => pages.map(([path, title]) => ({ login, path, title }));

export const PAGES: PageCheck[] = [
  ...pagesOf(null, [["/login", "登录"]]),

  // 人力资源部
  ...pagesOf(HR, [
    ["/hr", "全行概览"],
    ["/hr?cell=HIGH-HIGH", "全行概览"],
    [via("/hr", /^\/hr\/branches\/[^/?#]+$/), "机构名单"],
    ["/hr/appraisal", "季度考评"],
    [HR_QUARTER, "季度考评"],
    [rorac("hr", HR_QUARTER), "RORAC 业务条线"],
    ["/hr/appraisal/template", "评分模板"],
    ["/hr/review", "晋级评审"],
    [via("/hr/review", /^\/hr\/review\/\d{4}Q[1-4]$/), "晋级评审"],
    ["/hr/rules", "晋级条件"],
    ["/hr/grading", "定级"],
    ["/hr/certifications", "资格认证"],
    ["/hr/competencies", "胜任力模型"],
    ["/hr/competencies/cycles", "评估周期"],
    ["/hr/competencies/heatmap", "全行胜任力热力图"],
    [HEATMAP_BRANCH, "机构胜任力详情"],
    [via(HEATMAP_BRANCH, peers("hr")), "提名同事评估人"],
    ["/hr/courses", "培训课程"],
    ["/hr/courses/new", "新增课程"],
    [via("/hr/courses", /^\/hr\/courses\/[^/]+\/edit$/), "编辑课程"],
    [via("/hr/courses", /^\/hr\/courses\/[^/]+\/roster$/), "登记完成"],
    ["/hr/courses/import", "导入完成记录"],
    ["/hr/courses/report", "培训完成情况报表"],
    ["/people/demo-am-00002", "人员档案"],
    ["/hr/people", "人员管理"],
    ["/hr/people/new", "新增人员"],
    ["/hr/people/import", "导入人员名单"],
    [via("/hr/people", /^\/hr\/people\/(?!new$|import$)[^/?#]+$/), "人员详情"],
    ["/hr/password-reset", "重置密码"],
    ["/hr/audit", "审计日志"],
    ["/hr/programmes", "培训项目"],
    [PROGRAMME, "年度培训计划"],
    [PHASE, "培训阶段"],
    [via(PHASE, /\/sessions\/[^/?#]+$/), "培训场次"],
    [via(PHASE, /\/report$/), "培训效果报告"],
    ["/hr/mentoring", "导师计划"],
    ["/hr/contest", "业务技能大比拼"],
    [CONTEST, "比赛设置与锁定"],
    [contestPage("entrants"), "参赛人员"],
    [contestPage("teams"), "比赛团队"],
    [contestPage("judges"), "比赛评委"],
    [contestPage("events/[^/?#]+"), "比赛项目成绩"],
    [contestPage("results"), "比赛排名与颁奖"],
    ["/contest/results", "比赛成绩"],
    ["/account/password", "修改密码"],
  ]),

  // 支行长
  ...pagesOf(HEAD, [
    ["/branch", "团队概览"],
    ["/branch/appraisal", "季度考评"],
    [HEAD_QUARTER, "季度考评"],
    [rorac("branch", HEAD_QUARTER), "RORAC 业务条线"],
    ["/branch/competencies", "团队胜任力"],
    [via("/branch/competencies", peers("branch")), "提名同事评估人"],
    ["/branch/courses", "团队培训"],
    [via("/branch/courses", /^\/branch\/courses\/[^/]+\/roster$/), "登记完成"],
    ["/people/demo-am-00003", "人员档案"],
    ["/me", "我的成长"],
  ]),
  ...pagesOf("head6@eagle.test", [["/branch", "团队概览"]]),
  ...pagesOf(HEAD, [
    ["/branch/programme", "培训安排"],
    ["/branch/action-plans", "行动计划跟进"],
    ["/branch/contest", "本支行技能大比拼"],
    ["/contest/judge", "比赛评分"],
    [via("/contest/judge", /^\/contest\/judge\/[^/?#]+$/), "评分表"],
    ["/mentoring", "导师带教"],
  ]),

  // 对公客户经理
  ...pagesOf(AM, [
    ["/me", "我的成长"],
    ["/me/competencies", "我的胜任力"],
    [via("/me/competencies", /^\/me\/competencies\/assess\/[^/?#]+$/), "胜任力评估"],
    ["/me/courses", "我的课程"],
    ["/people/demo-am-00001", "人员档案"],
    ["/me/goals", "我的目标"],
    ["/me/programme", "我的培训"],
    ["/contest/results", "比赛成绩"],
    ["/account/password", "修改密码"],
  ]),

  // 业务助理
  ...pagesOf(ASSISTANT, [
    ["/me", "我的成长"],
    ["/me/courses", "我的课程"],
  ]),

  // A page that does not exist, and one the role may not open.
  ...pagesOf(AM, [["/no-such-page", "页面不存在"]]),
  ...pagesOf(HEAD, [["/me/courses", "页面不存在"]]),
];
