// Default tiered course catalogue (DOMAIN §7). Every course named in the HR programme plan is
// included and required for its tier; a few realistic electives complete each tier × category.
// Pure data; HR may edit the stored copy, this file only seeds it.

export type DefaultCourseTier = "FOUNDATION" | "ADVANCED" | "EXPERT";
export type DefaultCourseCategory = "PROFESSIONALISM" | "KNOWLEDGE" | "SKILLS";
export type DefaultCourseDelivery = "FACE_TO_FACE" | "ONLINE" | "CASE_STUDY" | "PRACTICE";

export type DefaultCourse = {
  code: string;
  title: string;
  tier: DefaultCourseTier;
  category: DefaultCourseCategory;
  hours: number;
  delivery: DefaultCourseDelivery;
  /** 1–3 competency codes from the default competency model. */
  competencies: string[];
  required: boolean;
  description: string;
};

export const DEFAULT_COURSES: DefaultCourse[] = [
  // ── FOUNDATION 见习、初级 ─────────────────────────────────────────────────────────────
  {
    code: "F-PRO-01",
    title: "职业道德与合规",
    tier: "FOUNDATION",
    category: "PROFESSIONALISM",
    hours: 6,
    delivery: "FACE_TO_FACE",
    competencies: ["RISK_CONTROL", "SELF_DRIVE"],
    required: true,
    description:
      "讲解银行从业人员职业操守、监管禁止性规定和本行员工行为守则，结合违规放贷、飞单、违规收受礼品等真实处罚案例，帮助新任客户经理树立合规底线意识，明确在营销和授信中的红线。",
  },
  {
    code: "F-PRO-02",
    title: "商务社交礼仪",
    tier: "FOUNDATION",
    category: "PROFESSIONALISM",
    hours: 8,
    delivery: "PRACTICE",
    competencies: ["CLIENT_FOCUS", "COMMUNICATION"],
    required: true,
    description:
      "围绕客户拜访、商务宴请、会议接待和电话沟通等场景，训练着装仪态、座次安排、名片递接与商务用语，通过情景演练让学员在与企业老板和财务负责人接触时展现专业、得体的本行形象。",
  },
  {
    code: "F-PRO-03",
    title: "本行企业文化",
    tier: "FOUNDATION",
    category: "PROFESSIONALISM",
    hours: 3,
    delivery: "ONLINE",
    competencies: ["TEAMWORK", "SELF_DRIVE"],
    required: true,
    description:
      "介绍本行发展历程、战略定位、经营理念和组织架构，说明公司条线各部门的职责分工与协作机制，帮助新员工理解“高责任心、高执行力、高职业化、高绩效”的团队要求，尽快融入本行。",
  },
  {
    code: "F-PRO-04",
    title: "角色转换与职业生涯规划",
    tier: "FOUNDATION",
    category: "PROFESSIONALISM",
    hours: 4,
    delivery: "FACE_TO_FACE",
    competencies: ["SELF_DRIVE"],
    required: false,
    description:
      "面向由业务助理转岗的见习客户经理，讲解客户经理的岗位职责、考核方式和五级晋级路径，引导学员完成从后台支持到前台营销的心态转换，并制定个人一年期成长目标与学习计划。",
  },
  {
    code: "F-PRO-05",
    title: "反洗钱与客户身份识别",
    tier: "FOUNDATION",
    category: "PROFESSIONALISM",
    hours: 3,
    delivery: "ONLINE",
    competencies: ["RISK_CONTROL"],
    required: false,
    description:
      "系统学习反洗钱法规、单位客户身份识别和受益所有人识别要求，掌握可疑交易的典型特征与报告流程，通过空壳公司开户、公转私异常等案例练习，提高开户和日常结算环节的合规意识。",
  },
  {
    code: "F-KNO-01",
    title: "银行基础知识",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 4,
    delivery: "ONLINE",
    competencies: ["PRODUCT_EXPERTISE"],
    required: true,
    description:
      "介绍商业银行的资产、负债和中间业务，利率与存款准备金等货币政策工具，以及资本充足率、拨备等监管指标，帮助学员理解银行的盈利模式和各项业务之间的关系，为后续产品与信贷课程打基础。",
  },
  {
    code: "F-KNO-02",
    title: "对公产品知识",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 12,
    delivery: "FACE_TO_FACE",
    competencies: ["PRODUCT_EXPERTISE", "CLIENT_FOCUS"],
    required: true,
    description:
      "逐一讲解本行单位存款、账户与结算、代发工资、流动资金贷款、银行承兑汇票、保函和现金管理等对公产品的功能、办理条件与定价规则，并说明各产品对应企业的哪一类经营需求。",
  },
  {
    code: "F-KNO-03",
    title: "公司信贷基础",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["PRODUCT_EXPERTISE", "RISK_CONTROL"],
    required: true,
    description:
      "讲解授信的基本概念、信贷品种、担保方式、贷款“三查”要求和本行信贷政策，学习流动资金贷款需求测算和还款来源分析的基本方法，使学员掌握信贷业务的基本规则与风险点。",
  },
  {
    code: "F-KNO-04",
    title: "信贷业务流程(受理·调查·审批·发放·贷后)",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["PRODUCT_EXPERTISE", "RISK_CONTROL", "TEAMWORK"],
    required: true,
    description:
      "以一笔真实的流动资金贷款为主线，演示受理、调查、审查审批、放款和贷后检查各环节的操作要点、资料清单与前中后台分工，分析常见退件原因，帮助学员独立完成授信申报。",
  },
  {
    code: "F-KNO-05",
    title: "财务会计基础与三张表解读",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 4,
    delivery: "ONLINE",
    competencies: ["RISK_CONTROL", "PRODUCT_EXPERTISE"],
    required: false,
    description:
      "讲解会计恒等式和资产负债表、利润表、现金流量表的主要科目及勾稽关系，学习偿债能力、营运能力和盈利能力的常用指标，为阅读企业报表和撰写调查报告打下基础。",
  },
  {
    code: "F-KNO-06",
    title: "单位账户管理与支付结算",
    tier: "FOUNDATION",
    category: "KNOWLEDGE",
    hours: 3,
    delivery: "ONLINE",
    competencies: ["PRODUCT_EXPERTISE"],
    required: false,
    description:
      "介绍单位银行结算账户的分类、开立与变更要求，以及汇兑、支票、网银转账、委托收款等结算方式的规则和时效，帮助学员准确解答客户的开户和日常结算问题，减少因资料不全造成的反复跑动。",
  },
  {
    code: "F-SKI-01",
    title: "基本销售技能",
    tier: "FOUNDATION",
    category: "SKILLS",
    hours: 12,
    delivery: "PRACTICE",
    competencies: ["MARKET_DEVELOPMENT", "INFLUENCE"],
    required: true,
    description:
      "讲授对公营销的基本流程：目标客户筛选、接触准备、产品介绍、异议处理和促成，通过角色扮演反复演练“利率太高”“已有合作银行”等常见异议的应对，帮助新人掌握开口营销的基本功。",
  },
  {
    code: "F-SKI-02",
    title: "人际沟通",
    tier: "FOUNDATION",
    category: "SKILLS",
    hours: 6,
    delivery: "FACE_TO_FACE",
    competencies: ["COMMUNICATION", "TEAMWORK"],
    required: true,
    description:
      "学习积极倾听、提问、反馈和非语言沟通技巧，分析与客户、主管以及授信、运营同事沟通中的常见障碍，通过小组练习提升表达的清晰度和换位思考能力，减少前后台之间的误解与摩擦。",
  },
  {
    code: "F-SKI-03",
    title: "商务报告写作",
    tier: "FOUNDATION",
    category: "SKILLS",
    hours: 8,
    delivery: "PRACTICE",
    competencies: ["COMMUNICATION"],
    required: true,
    description:
      "讲解客户拜访报告、授信调查报告和工作总结的结构与写作规范，强调数据准确、结论先行和风险揭示，学员现场修改真实报告样稿，课后提交一篇调查报告由讲师点评。",
  },
  {
    code: "F-SKI-04",
    title: "客户拜访与需求挖掘",
    tier: "FOUNDATION",
    category: "SKILLS",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["CLIENT_FOCUS", "COMMUNICATION", "MARKET_DEVELOPMENT"],
    required: true,
    description:
      "围绕企业采购、销售、财务、管理、融资五方面需求，学习拜访前的信息准备、会谈提问提纲和拜访后的跟进方法，通过案例研讨练习从客户财务数据和经营描述中发现可营销的需求。",
  },
  {
    code: "F-SKI-05",
    title: "电话营销与陌生拜访",
    tier: "FOUNDATION",
    category: "SKILLS",
    hours: 8,
    delivery: "PRACTICE",
    competencies: ["MARKET_DEVELOPMENT", "SELF_DRIVE"],
    required: false,
    description:
      "学习利用工商信息、园区名录和存量客户上下游建立潜在客户清单，训练电话预约话术和陌生拜访开场技巧，学员分组进行模拟外呼并实地拜访园区企业，课后提交拜访记录和复盘总结。",
  },

  // ── ADVANCED 中级 ─────────────────────────────────────────────────────────────────────
  {
    code: "A-PRO-01",
    title: "压力管理",
    tier: "ADVANCED",
    category: "PROFESSIONALISM",
    hours: 6,
    delivery: "FACE_TO_FACE",
    competencies: ["SELF_DRIVE"],
    required: true,
    description:
      "分析业绩考核、客户流失和风险问责等客户经理常见的压力来源，学习压力自测、情绪调节与积极归因的方法，帮助处于爬坡阶段的中级客户经理保持稳定的工作状态和持续的进取心。",
  },
  {
    code: "A-PRO-02",
    title: "时间管理与效能",
    tier: "ADVANCED",
    category: "PROFESSIONALISM",
    hours: 6,
    delivery: "FACE_TO_FACE",
    competencies: ["SELF_DRIVE"],
    required: true,
    description:
      "基于客户经理一天工作的观察样本，分析营销、授信材料、行内事务之间的时间冲突，学习四象限法、周计划和客户拜访路线规划，提高有效拜访时间占比和多任务并行时的工作效率。",
  },
  {
    code: "A-PRO-03",
    title: "客户投诉处理与服务意识",
    tier: "ADVANCED",
    category: "PROFESSIONALISM",
    hours: 6,
    delivery: "CASE_STUDY",
    competencies: ["CLIENT_FOCUS", "COMMUNICATION"],
    required: false,
    description:
      "研讨放款延误、收费争议、结算差错等对公客户典型投诉案例，学习投诉受理、安抚、内部协调和回访的处理流程，分析服务失误对客户关系的影响，提升主动服务意识和化解矛盾的能力。",
  },
  {
    code: "A-KNO-01",
    title: "风险防范(隐形负债·银行流水·财务报表识别)",
    tier: "ADVANCED",
    category: "KNOWLEDGE",
    hours: 12,
    delivery: "CASE_STUDY",
    competencies: ["RISK_CONTROL", "PRODUCT_EXPERTISE"],
    required: true,
    description:
      "通过本行及同业不良贷款案例，学习从征信、对外担保和民间借贷迹象中识别隐形负债，用银行流水与纳税、水电数据交叉验证经营真实性，识别虚增收入、关联交易等虚假报表手法。",
  },
  {
    code: "A-KNO-02",
    title: "票据与供应链金融",
    tier: "ADVANCED",
    category: "KNOWLEDGE",
    hours: 12,
    delivery: "FACE_TO_FACE",
    competencies: ["PRODUCT_EXPERTISE", "MARKET_DEVELOPMENT"],
    required: true,
    description:
      "系统讲解银行承兑汇票、商业承兑汇票、贴现和票据池业务，以及保理、订单融资、应收账款质押等供应链金融产品，结合核心企业上下游案例，学习用票据组合获取存款并带动交叉营销。",
  },
  {
    code: "A-KNO-03",
    title: "行业研究方法",
    tier: "ADVANCED",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["BUSINESS_ACUMEN"],
    required: true,
    description:
      "学习产业链拆解、行业经营规则、关键指标和信息来源的分析框架，以本地汽车、电力、建材等行业为例完成一份简要行业研究报告，帮助客户经理从单户营销转向基于行业的专业营销。",
  },
  {
    code: "A-KNO-04",
    title: "国际结算与贸易融资",
    tier: "ADVANCED",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["PRODUCT_EXPERTISE"],
    required: false,
    description:
      "讲解汇款、托收、信用证等国际结算方式，以及打包贷款、进出口押汇、福费廷等贸易融资产品的适用场景和风险控制要点，帮助客户经理服务有进出口业务的企业客户并与国际业务部做好协同。",
  },
  {
    code: "A-KNO-05",
    title: "现金管理与交易银行产品",
    tier: "ADVANCED",
    category: "KNOWLEDGE",
    hours: 3,
    delivery: "ONLINE",
    competencies: ["PRODUCT_EXPERTISE", "CLIENT_FOCUS"],
    required: false,
    description:
      "介绍资金归集、账户集中管理、银企直连和智能对账等现金管理产品，说明如何根据集团客户和多账户企业的管理需求配置方案，帮助客户经理以交易银行服务稳定结算存款。",
  },
  {
    code: "A-SKI-01",
    title: "客情关系维护",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["CLIENT_FOCUS", "INFLUENCE"],
    required: true,
    description:
      "讲解客户分层分级维护策略、关键人关系地图和定期回访机制，研讨客户流失到同业的真实案例，学习如何在企业高层、财务负责人和经办人三个层面同时建立信任，提升客户黏性。",
  },
  {
    code: "A-SKI-02",
    title: "市场洞察",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["BUSINESS_ACUMEN", "MARKET_DEVELOPMENT"],
    required: true,
    description:
      "训练从政策发布、招投标信息、园区规划和客户结算数据中捕捉商机的方法，学习资金规模与经营规模的象限分析，研讨资金洼地型客户的获取路径，培养对市场变化的敏锐嗅觉。",
  },
  {
    code: "A-SKI-03",
    title: "融资方案设计与《融资建议书》",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 12,
    delivery: "PRACTICE",
    competencies: ["PRODUCT_EXPERTISE", "COMMUNICATION", "CLIENT_FOCUS"],
    required: true,
    description:
      "根据企业经营周期和资金流向测算融资需求，组合贷款、票据、保函和供应链产品设计融资方案，学员分组为真实客户撰写《融资建议书》并向模拟客户高层汇报，由授信专家点评。",
  },
  {
    code: "A-SKI-04",
    title: "商务谈判",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 12,
    delivery: "PRACTICE",
    competencies: ["INFLUENCE", "COMMUNICATION"],
    required: true,
    description:
      "学习谈判准备、底线设定、让步策略和僵局处理技巧，围绕贷款利率、担保条件和存款回报等议题进行分组模拟谈判，掌握与企业老板和财务负责人谈判时守住收益与风险底线的方法。",
  },
  {
    code: "A-SKI-05",
    title: "数字化营销与线上获客",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 3,
    delivery: "ONLINE",
    competencies: ["MARKET_DEVELOPMENT"],
    required: false,
    description:
      "介绍企业网银、手机银行和线上融资产品的营销要点，学习利用工商大数据、企业微信和本行营销平台筛选目标客户、推送产品信息并跟踪转化，提高获客效率。",
  },
  {
    code: "A-SKI-06",
    title: "活动营销与客户沙龙策划",
    tier: "ADVANCED",
    category: "SKILLS",
    hours: 8,
    delivery: "PRACTICE",
    competencies: ["MARKET_DEVELOPMENT", "COMMUNICATION"],
    required: false,
    description:
      "学习产品推介会、行业沙龙和财务人员交流会的策划、邀约、现场组织与会后跟进，学员分组完成一场面向园区企业的沙龙方案并进行路演，掌握以活动批量获客的方法。",
  },

  // ── EXPERT 高级、资深 ─────────────────────────────────────────────────────────────────
  {
    code: "E-PRO-01",
    title: "团队建设与管理",
    tier: "EXPERT",
    category: "PROFESSIONALISM",
    hours: 12,
    delivery: "FACE_TO_FACE",
    competencies: ["TEAMWORK", "INFLUENCE"],
    required: true,
    description:
      "面向具备管理潜质的高级、资深客户经理，学习团队目标分解、任务分配、绩效辅导和激励方法，研讨客户归属与业绩分配等团队冲突案例，提升带领营销团队打造高绩效团队的能力。",
  },
  {
    code: "E-PRO-02",
    title: "导师带教",
    tier: "EXPERT",
    category: "PROFESSIONALISM",
    hours: 8,
    delivery: "PRACTICE",
    competencies: ["TEAMWORK", "COMMUNICATION"],
    required: true,
    description:
      "讲解导师的职责、带教计划制定和辅导反馈技巧，学习如何通过陪同拜访、报告审改和月度心得点评传授实战经验，学员现场演练一次辅导面谈，为担任新客户经理导师做好准备。",
  },
  {
    code: "E-PRO-03",
    title: "职业影响力与高层沟通",
    tier: "EXPERT",
    category: "PROFESSIONALISM",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["INFLUENCE", "COMMUNICATION"],
    required: false,
    description:
      "探讨资深客户经理个人专业品牌的塑造，学习与企业董事长、集团财务总监等高层对话的方式和节奏，以及在行业论坛、客户活动中公开发言的技巧，提升在客户和行内的影响力。",
  },
  {
    code: "E-KNO-01",
    title: "组合风险管理",
    tier: "EXPERT",
    category: "KNOWLEDGE",
    hours: 10,
    delivery: "CASE_STUDY",
    competencies: ["RISK_CONTROL", "BUSINESS_ACUMEN"],
    required: true,
    description:
      "从单户风险上升到资产组合视角，学习行业、客户和担保集中度分析，担保圈与关联风险的识别，以及风险预警和压缩退出策略，研讨区域性担保链风险处置案例，提升对所管资产的整体把控能力。",
  },
  {
    code: "E-KNO-02",
    title: "市场分析与预测",
    tier: "EXPERT",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["BUSINESS_ACUMEN", "MARKET_DEVELOPMENT"],
    required: true,
    description:
      "学习区域经济数据、同业市场份额和客户结构的分析方法，掌握趋势判断和业务量预测的常用工具，学员以所在支行为对象完成一份市场分析与下年度业务预测，为制定营销目标提供依据。",
  },
  {
    code: "E-KNO-03",
    title: "宏观政策与行业周期",
    tier: "EXPERT",
    category: "KNOWLEDGE",
    hours: 8,
    delivery: "FACE_TO_FACE",
    competencies: ["BUSINESS_ACUMEN", "RISK_CONTROL"],
    required: true,
    description:
      "解读货币政策、财政政策、产业政策和监管政策的最新动向，分析其对本地重点行业景气周期与企业资金链的影响，帮助客户经理提前调整客户结构，在行业上行期布局、下行期防险。",
  },
  {
    code: "E-KNO-04",
    title: "投资银行与并购融资",
    tier: "EXPERT",
    category: "KNOWLEDGE",
    hours: 12,
    delivery: "FACE_TO_FACE",
    competencies: ["PRODUCT_EXPERTISE", "BUSINESS_ACUMEN"],
    required: false,
    description:
      "介绍债务融资工具承销、并购贷款、银团贷款和结构化融资等投行业务，讲解交易结构设计和尽职调查要点，帮助资深客户经理满足大型企业在扩张、重组和资本运作中的融资需求。",
  },
  {
    code: "E-KNO-05",
    title: "跨境金融与汇率风险管理",
    tier: "EXPERT",
    category: "KNOWLEDGE",
    hours: 4,
    delivery: "ONLINE",
    competencies: ["PRODUCT_EXPERTISE", "RISK_CONTROL"],
    required: false,
    description:
      "讲解跨境人民币结算、内保外贷、远期结售汇和外汇期权等产品，分析汇率波动对外向型企业经营与偿债能力的影响，帮助客户经理为企业设计套期保值方案并控制相关授信风险。",
  },
  {
    code: "E-SKI-01",
    title: "大客户营销",
    tier: "EXPERT",
    category: "SKILLS",
    hours: 12,
    delivery: "CASE_STUDY",
    competencies: ["MARKET_DEVELOPMENT", "INFLUENCE", "CLIENT_FOCUS"],
    required: true,
    description:
      "研讨汽车、矿产、电力、事业单位等行业的大客户营销案例，学习决策链分析、竞争对手应对、高层公关和长周期项目推进方法，掌握销售拿单各环节的节奏把握，提高大客户主办行营销成功率。",
  },
  {
    code: "E-SKI-02",
    title: "综合金融服务方案设计",
    tier: "EXPERT",
    category: "SKILLS",
    hours: 16,
    delivery: "PRACTICE",
    competencies: ["CLIENT_FOCUS", "PRODUCT_EXPERTISE"],
    required: true,
    description:
      "以集团客户为对象，综合运用存款、信贷、票据、现金管理、供应链、投行和公私联动产品，围绕企业五方面需求设计一揽子综合金融服务方案，学员分组完成方案并接受行领导和专家评审。",
  },
  {
    code: "E-SKI-03",
    title: "跨部门资源整合",
    tier: "EXPERT",
    category: "SKILLS",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["TEAMWORK", "INFLUENCE"],
    required: true,
    description:
      "分析前台与授信、运营、产品、零售等部门协作中的典型障碍，研讨重大项目中组建项目组、争取授信份额和审批资源的成功案例，学习在不同部门之间建立协同机制、形成营销合力的方法。",
  },
  {
    code: "E-SKI-04",
    title: "银团贷款与重大项目营销",
    tier: "EXPERT",
    category: "SKILLS",
    hours: 10,
    delivery: "CASE_STUDY",
    competencies: ["MARKET_DEVELOPMENT", "TEAMWORK"],
    required: false,
    description:
      "研讨基础设施、产业园区和政府类重大项目的营销案例，学习从项目立项信息中提前介入、与同业组建银团、分工牵头和参贷的方法，以及项目全周期的风险把控和综合收益测算。",
  },
  {
    code: "E-SKI-05",
    title: "行业品牌建设与客群经营",
    tier: "EXPERT",
    category: "SKILLS",
    hours: 8,
    delivery: "CASE_STUDY",
    competencies: ["MARKET_DEVELOPMENT", "BUSINESS_ACUMEN"],
    required: false,
    description:
      "研讨支行在某一行业建立专业品牌的成功做法，学习行业客群筛选、标准化产品包设计和上下游批量营销的路径，帮助资深客户经理从红海竞争转向知识型销售，降低单户营销成本。",
  },
];
