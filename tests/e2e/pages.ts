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

  // 对公客户经理
  { login: AM, path: "/me", title: "我的成长" },
  { login: AM, path: "/me/competencies", title: "我的胜任力" },
  { login: AM, path: { from: "/me/competencies", link: /^\/me\/competencies\/assess\/[^/?#]+$/ }, title: "胜任力评估" },
  { login: AM, path: "/me/courses", title: "我的课程" },
  { login: AM, path: "/people/demo-am-00001", title: "人员档案" },

  // 业务助理
  { login: ASSISTANT, path: "/me", title: "我的成长" },
  { login: ASSISTANT, path: "/me/courses", title: "我的课程" },

  // A page that does not exist, and one the role may not open.
  { login: AM, path: "/no-such-page", title: "页面不存在" },
  { login: HEAD, path: "/me/courses", title: "页面不存在" },
];
