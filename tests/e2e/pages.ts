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

export const PAGES: PageCheck[] = [
  { login: null, path: "/login", title: "登录" },

  // 人力资源部
  { login: HR, path: "/hr", title: "全行概览" },
  { login: HR, path: "/hr?cell=HIGH-HIGH", title: "全行概览" },
  { login: HR, path: { from: "/hr", link: /^\/hr\/branches\/[^/?#]+$/ }, title: "机构名单" },
  { login: HR, path: "/hr/appraisal", title: "季度考评" },
  { login: HR, path: { from: "/hr/appraisal", link: /^\/hr\/appraisal\/\d{4}Q[1-4]$/ }, title: "季度考评" },
  {
    login: HR,
    path: { from: { from: "/hr/appraisal", link: /^\/hr\/appraisal\/\d{4}Q[1-4]$/ }, link: /^\/hr\/appraisal\/\d{4}Q[1-4]\/rorac\/[^/?#]+$/ },
    title: "RORAC 业务条线",
  },
  { login: HR, path: "/hr/appraisal/template", title: "评分模板" },
  { login: HR, path: "/hr/review", title: "晋级评审" },
  { login: HR, path: { from: "/hr/review", link: /^\/hr\/review\/\d{4}Q[1-4]$/ }, title: "晋级评审" },
  { login: HR, path: "/hr/rules", title: "晋级条件" },
  { login: HR, path: "/hr/grading", title: "定级" },
  { login: HR, path: "/hr/certifications", title: "资格认证" },
  { login: HR, path: "/hr/competencies", title: "胜任力模型" },
  { login: HR, path: "/hr/competencies/cycles", title: "评估周期" },
  { login: HR, path: "/hr/competencies/heatmap", title: "全行胜任力热力图" },
  { login: HR, path: { from: "/hr/competencies/heatmap", link: /^\/hr\/competencies\/heatmap\/[^/?#]+(\?cycle=[^/#]+)?$/ }, title: "机构胜任力详情" },
  {
    login: HR,
    path: {
      from: { from: "/hr/competencies/heatmap", link: /^\/hr\/competencies\/heatmap\/[^/?#]+(\?cycle=[^/#]+)?$/ },
      link: /^\/hr\/competencies\/cycles\/[^/]+\/peers\/[^/?#]+$/,
    },
    title: "提名同事评估人",
  },
  { login: HR, path: "/hr/courses", title: "培训课程" },
  { login: HR, path: "/hr/courses/new", title: "新增课程" },
  { login: HR, path: { from: "/hr/courses", link: /^\/hr\/courses\/[^/]+\/edit$/ }, title: "编辑课程" },
  { login: HR, path: { from: "/hr/courses", link: /^\/hr\/courses\/[^/]+\/roster$/ }, title: "登记完成" },
  { login: HR, path: "/hr/courses/import", title: "导入完成记录" },
  { login: HR, path: "/hr/courses/report", title: "培训完成情况报表" },
  { login: HR, path: "/people/demo-am-00002", title: "人员档案" },
  { login: HR, path: "/hr/people", title: "人员管理" },
  { login: HR, path: "/hr/people/new", title: "新增人员" },
  { login: HR, path: "/hr/people/import", title: "导入人员名单" },
  { login: HR, path: { from: "/hr/people", link: /^\/hr\/people\/(?!new$|import$)[^/?#]+$/ }, title: "人员详情" },
  { login: HR, path: "/hr/password-reset", title: "重置密码" },
  { login: HR, path: "/hr/audit", title: "审计日志" },
  { login: HR, path: "/hr/programmes", title: "培训项目" },
  { login: HR, path: { from: "/hr/programmes", link: /^\/hr\/programmes\/[^/?#]+$/ }, title: "年度培训计划" },
  {
    login: HR,
    path: { from: { from: "/hr/programmes", link: /^\/hr\/programmes\/[^/?#]+$/ }, link: /^\/hr\/programmes\/[^/]+\/phases\/[^/?#]+$/ },
    title: "培训阶段",
  },
  {
    login: HR,
    path: {
      from: { from: { from: "/hr/programmes", link: /^\/hr\/programmes\/[^/?#]+$/ }, link: /^\/hr\/programmes\/[^/]+\/phases\/[^/?#]+$/ },
      link: /\/sessions\/[^/?#]+$/,
    },
    title: "培训场次",
  },
  {
    login: HR,
    path: {
      from: { from: { from: "/hr/programmes", link: /^\/hr\/programmes\/[^/?#]+$/ }, link: /^\/hr\/programmes\/[^/]+\/phases\/[^/?#]+$/ },
      link: /\/report$/,
    },
    title: "培训效果报告",
  },
  { login: HR, path: "/hr/mentoring", title: "导师计划" },
  { login: HR, path: "/hr/contest", title: "业务技能大比拼" },
  { login: HR, path: "/hr/contest/demo-phase-contest", title: "比赛设置与锁定" },
  { login: HR, path: { from: "/hr/contest/demo-phase-contest", link: /^\/hr\/contest\/[^/]+\/entrants$/ }, title: "参赛人员" },
  { login: HR, path: { from: "/hr/contest/demo-phase-contest", link: /^\/hr\/contest\/[^/]+\/teams$/ }, title: "比赛团队" },
  { login: HR, path: { from: "/hr/contest/demo-phase-contest", link: /^\/hr\/contest\/[^/]+\/judges$/ }, title: "比赛评委" },
  {
    login: HR,
    path: { from: "/hr/contest/demo-phase-contest", link: /^\/hr\/contest\/[^/]+\/events\/[^/?#]+$/ },
    title: "比赛项目成绩",
  },
  { login: HR, path: { from: "/hr/contest/demo-phase-contest", link: /^\/hr\/contest\/[^/]+\/results$/ }, title: "比赛排名与颁奖" },
  { login: HR, path: "/contest/results", title: "比赛成绩" },
  { login: HR, path: "/account/password", title: "修改密码" },

  // 支行长
  { login: HEAD, path: "/branch", title: "团队概览" },
  { login: HEAD, path: "/branch/appraisal", title: "季度考评" },
  { login: HEAD, path: { from: "/branch/appraisal", link: /^\/branch\/appraisal\/\d{4}Q[1-4]$/ }, title: "季度考评" },
  {
    login: HEAD,
    path: { from: { from: "/branch/appraisal", link: /^\/branch\/appraisal\/\d{4}Q[1-4]$/ }, link: /^\/branch\/appraisal\/\d{4}Q[1-4]\/rorac\/[^/?#]+$/ },
    title: "RORAC 业务条线",
  },
  { login: HEAD, path: "/branch/competencies", title: "团队胜任力" },
  { login: HEAD, path: { from: "/branch/competencies", link: /^\/branch\/competencies\/cycles\/[^/]+\/peers\/[^/?#]+$/ }, title: "提名同事评估人" },
  { login: HEAD, path: "/branch/courses", title: "团队培训" },
  { login: HEAD, path: { from: "/branch/courses", link: /^\/branch\/courses\/[^/]+\/roster$/ }, title: "登记完成" },
  { login: HEAD, path: "/people/demo-am-00003", title: "人员档案" },
  { login: HEAD, path: "/me", title: "我的成长" },
  { login: "head6@eagle.test", path: "/branch", title: "团队概览" },
  { login: HEAD, path: "/branch/programme", title: "培训安排" },
  { login: HEAD, path: "/branch/action-plans", title: "行动计划跟进" },
  { login: HEAD, path: "/branch/contest", title: "本支行技能大比拼" },
  { login: HEAD, path: "/contest/judge", title: "比赛评分" },
  { login: HEAD, path: { from: "/contest/judge", link: /^\/contest\/judge\/[^/?#]+$/ }, title: "评分表" },
  { login: HEAD, path: "/mentoring", title: "导师带教" },

  // 对公客户经理
  { login: AM, path: "/me", title: "我的成长" },
  { login: AM, path: "/me/competencies", title: "我的胜任力" },
  { login: AM, path: { from: "/me/competencies", link: /^\/me\/competencies\/assess\/[^/?#]+$/ }, title: "胜任力评估" },
  { login: AM, path: "/me/courses", title: "我的课程" },
  { login: AM, path: "/people/demo-am-00001", title: "人员档案" },
  { login: AM, path: "/me/goals", title: "我的目标" },
  { login: AM, path: "/me/programme", title: "我的培训" },
  { login: AM, path: "/contest/results", title: "比赛成绩" },
  { login: AM, path: "/account/password", title: "修改密码" },

  // 业务助理
  { login: ASSISTANT, path: "/me", title: "我的成长" },
  { login: ASSISTANT, path: "/me/courses", title: "我的课程" },

  // A page that does not exist, and one the role may not open.
  { login: AM, path: "/no-such-page", title: "页面不存在" },
  { login: HEAD, path: "/me/courses", title: "页面不存在" },
];
