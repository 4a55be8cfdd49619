/**
 * What the demo is made of, taken from the seeds: Ankang's industries and community-factory trades,
 * its six labour brands and the training lines named beside them, and the posts people actually see
 * on a county job board.
 */

export const INDUSTRIES = [
  { code: "selenium", nameZh: "富硒产业", nameEn: "Selenium-rich food and agriculture" },
  { code: "tourism_wellness", nameZh: "旅游康养", nameEn: "Tourism and wellness" },
  { code: "new_materials", nameZh: "新型材料", nameEn: "New materials" },
  { code: "equipment", nameZh: "装备制造", nameEn: "Equipment manufacturing" },
  { code: "electronics", nameZh: "电子信息", nameEn: "Electronics and IT" },
  { code: "logistics", nameZh: "现代物流", nameEn: "Logistics" },
  { code: "plush_toys", nameZh: "毛绒玩具文创", nameEn: "Plush toys and creative goods" },
  { code: "garments", nameZh: "服饰织袜", nameEn: "Garments and socks" },
  { code: "construction", nameZh: "建筑业", nameEn: "Construction" },
  { code: "catering", nameZh: "餐饮住宿", nameEn: "Catering and hotels" },
  { code: "elderly_care", nameZh: "养老服务", nameEn: "Elderly care" },
  { code: "domestic_services", nameZh: "家政服务", nameEn: "Domestic services" },
  { code: "life_services", nameZh: "居民生活服务", nameEn: "Personal services" },
  { code: "retail", nameZh: "批发零售与电商", nameEn: "Retail and e-commerce" },
  { code: "health", nameZh: "医疗卫生", nameEn: "Health care" },
  { code: "education", nameZh: "教育培训", nameEn: "Education" },
  { code: "agriculture", nameZh: "现代农业", nameEn: "Modern agriculture" },
  { code: "public_service", nameZh: "公共管理与社会服务", nameEn: "Public and social services" },
] as const;

export type IndustryCode = (typeof INDUSTRIES)[number]["code"];

export const LABOUR_BRANDS = [
  { code: "ziyang_pedicure", nameZh: "紫阳修脚师", nameEn: "Ziyang Pedicurists", countyCode: "610924", trade: "修脚",
    description: "紫阳县打造的劳务品牌，紫阳修脚师遍布全国各大城市，培训合格后可推荐到连锁足浴、修脚门店就业或返乡开店。" },
  { code: "xunyang_builders", nameZh: "旬阳建工", nameEn: "Xunyang Builders", countyCode: "610981", trade: "建筑施工",
    description: "旬阳市建筑劳务品牌，涵盖钢筋、木工、砌筑、施工员等工种，组织劳务队伍承接省内外建筑工程。" },
  { code: "ankang_chefs", nameZh: "安康美厨", nameEn: "Ankang Chefs", countyCode: "610902", trade: "烹饪",
    description: "以安康蒸面、富硒菜品为特色的烹饪劳务品牌，培训中式烹调师、面点师，推荐到酒店、餐饮企业就业。" },
  { code: "ankang_elderly_care", nameZh: "安康养老护理", nameEn: "Ankang Elderly Care", countyCode: "610902", trade: "养老护理",
    description: "面向养老机构、医养结合机构和居家养老服务的护理员劳务品牌。" },
  { code: "baihe_insulation", nameZh: "白河保温工", nameEn: "Baihe Insulation Workers", countyCode: "610929", trade: "保温施工",
    description: "白河县建筑保温、外墙节能施工劳务品牌，队伍常年在全国各地工地务工。" },
  { code: "kangsao_domestic", nameZh: "康嫂家政", nameEn: "Kangsao Domestic Services", countyCode: "610921", trade: "家政服务",
    description: "安康家政服务劳务品牌，培训母婴护理、育婴、家务服务人员，输出到西安及省外城市。" },
] as const;

export type BrandCode = (typeof LABOUR_BRANDS)[number]["code"];

type Education = "any" | "junior" | "senior" | "vocational" | "college" | "bachelor" | "master";
type Benefit = "meals" | "housing" | "insurance" | "housing_fund" | "transport" | "bonus";
type Group = "returnee" | "graduate" | "veteran" | "employment_difficulty" | "zero_employment_family"
  | "lifted_from_poverty" | "rural_migrant" | "school_leaver" | "disabled" | "youth_unemployed";

export interface JobTemplate {
  title: string;
  industry: IndustryCode;
  occupation: string;
  pay: [number, number];
  education: Education;
  experience: number;
  content: string;
  requirements: string;
  skills: string;
  benefits: Benefit[];
  groups: Group[];
  brand?: BrandCode;
  /** Employers that post it: a company or a community factory. */
  employer: "company" | "community_factory" | "public_institution";
  ages?: [number, number];
}

export const JOB_TEMPLATES: JobTemplate[] = [
  { title: "在建工程施工员", industry: "construction", occupation: "施工员", pay: [5000, 8000], education: "vocational", experience: 2,
    content: "负责在建工程现场施工组织、进度与质量安全管理，编制施工日志，协调各班组作业。", requirements: "土木工程、建筑工程技术相关专业，持施工员证优先。",
    skills: "识图 施工组织 安全管理", benefits: ["meals", "housing", "insurance"], groups: ["returnee", "veteran", "rural_migrant"], brand: "xunyang_builders", employer: "company" },
  { title: "建筑钢筋工", industry: "construction", occupation: "钢筋工", pay: [6000, 9000], education: "any", experience: 1,
    content: "按图纸进行钢筋下料、绑扎与安装，服从班组安排。", requirements: "身体健康，能适应户外作业，有相关经验者优先。",
    skills: "钢筋绑扎 识图", benefits: ["meals", "housing"], groups: ["returnee", "rural_migrant", "lifted_from_poverty"], brand: "xunyang_builders", employer: "company", ages: [18, 55] },
  { title: "建筑木工（支模）", industry: "construction", occupation: "木工", pay: [6500, 9500], education: "any", experience: 2,
    content: "负责模板支设、拆除及加固，保证模板尺寸与安全。", requirements: "两年以上支模经验，能看懂施工图。",
    skills: "支模 木工", benefits: ["meals", "housing"], groups: ["returnee", "rural_migrant"], brand: "xunyang_builders", employer: "company", ages: [18, 55] },
  { title: "砌筑工", industry: "construction", occupation: "砌筑工", pay: [5500, 8000], education: "any", experience: 1,
    content: "负责砖墙砌筑、抹灰等工作。", requirements: "能吃苦耐劳，有砌筑经验优先，可提供岗前培训。",
    skills: "砌筑 抹灰", benefits: ["meals", "housing"], groups: ["rural_migrant", "lifted_from_poverty"], brand: "xunyang_builders", employer: "company", ages: [18, 55] },
  { title: "外墙保温施工员", industry: "new_materials", occupation: "保温工", pay: [6000, 9000], education: "any", experience: 1,
    content: "负责外墙保温板粘贴、锚固、抹面及节能施工，按工艺标准完成作业。", requirements: "能高空作业，持高处作业证者优先，无经验可参加白河保温工培训。",
    skills: "外墙保温 高处作业", benefits: ["meals", "housing", "insurance"], groups: ["rural_migrant", "returnee", "lifted_from_poverty"], brand: "baihe_insulation", employer: "company", ages: [18, 55] },
  { title: "修脚师", industry: "life_services", occupation: "修脚师", pay: [5000, 12000], education: "any", experience: 0,
    content: "为顾客提供修脚、足部护理服务，处理甲沟炎、鸡眼等常见足部问题。", requirements: "持专项职业能力证书（修脚）优先，无经验者可先参加紫阳修脚师培训。",
    skills: "修脚 足部护理", benefits: ["meals", "housing", "bonus"], groups: ["rural_migrant", "returnee", "lifted_from_poverty", "employment_difficulty"], brand: "ziyang_pedicure", employer: "company" },
  { title: "足部护理技师", industry: "life_services", occupation: "修脚师", pay: [4500, 9000], education: "any", experience: 1,
    content: "负责门店足部护理、修脚与足浴服务，维护顾客关系。", requirements: "有修脚或足疗经验，服务意识好。",
    skills: "修脚 足疗", benefits: ["meals", "housing"], groups: ["rural_migrant", "returnee"], brand: "ziyang_pedicure", employer: "company" },
  { title: "中式烹调师", industry: "catering", occupation: "厨师", pay: [4500, 7500], education: "any", experience: 2,
    content: "负责热菜制作、菜品研发及后厨卫生管理，擅长安康本地菜优先。", requirements: "持中式烹调师证书优先，两年以上厨房工作经验。",
    skills: "中式烹饪 热菜 富硒菜品", benefits: ["meals", "housing", "insurance"], groups: ["returnee", "rural_migrant"], brand: "ankang_chefs", employer: "company" },
  { title: "面点师（安康蒸面）", industry: "catering", occupation: "面点师", pay: [3800, 6000], education: "any", experience: 1,
    content: "制作安康蒸面、包子、花卷等面点，保证出品质量。", requirements: "有面点制作经验，能早起。",
    skills: "面点 蒸面", benefits: ["meals", "housing"], groups: ["rural_migrant", "employment_difficulty"], brand: "ankang_chefs", employer: "company" },
  { title: "酒店厨师长", industry: "catering", occupation: "厨师", pay: [8000, 12000], education: "any", experience: 5,
    content: "统筹后厨管理、菜单设计、成本控制与人员培训。", requirements: "五年以上厨房管理经验，熟悉陕南菜系。",
    skills: "后厨管理 成本控制", benefits: ["meals", "housing", "insurance", "bonus"], groups: ["returnee"], brand: "ankang_chefs", employer: "company" },
  { title: "养老护理员", industry: "elderly_care", occupation: "养老护理员", pay: [3500, 5500], education: "junior", experience: 0,
    content: "负责老人日常生活照料、协助进食与翻身、陪护及简单康复活动。", requirements: "有爱心耐心，持养老护理员证书优先，可提供带薪培训。",
    skills: "生活照料 基础护理", benefits: ["meals", "insurance"], groups: ["employment_difficulty", "zero_employment_family", "rural_migrant", "lifted_from_poverty"], brand: "ankang_elderly_care", employer: "company", ages: [18, 55] },
  { title: "医养结合护理员", industry: "elderly_care", occupation: "养老护理员", pay: [4000, 6000], education: "senior", experience: 1,
    content: "在医养结合机构协助护士完成老人护理、测量生命体征、记录护理日志。", requirements: "护理或康复相关专业优先。",
    skills: "护理 康复", benefits: ["meals", "insurance", "housing_fund"], groups: ["graduate", "employment_difficulty"], brand: "ankang_elderly_care", employer: "company" },
  { title: "家政服务员", industry: "domestic_services", occupation: "家政服务员", pay: [3500, 6000], education: "any", experience: 0,
    content: "提供家庭保洁、做饭、照护等家政服务，按客户需求上门或住家。", requirements: "身体健康，品行端正，持健康证。",
    skills: "家务 保洁 烹饪", benefits: ["insurance"], groups: ["employment_difficulty", "zero_employment_family", "rural_migrant"], brand: "kangsao_domestic", employer: "company" },
  { title: "育婴员（月嫂）", industry: "domestic_services", occupation: "母婴护理员", pay: [6000, 12000], education: "junior", experience: 1,
    content: "负责新生儿护理、产妇月子照护与膳食安排。", requirements: "持育婴员或母婴护理证书，有经验者优先。",
    skills: "母婴护理 育婴", benefits: ["meals", "housing"], groups: ["rural_migrant", "returnee"], brand: "kangsao_domestic", employer: "company" },
  { title: "电子线束装配工", industry: "electronics", occupation: "线束装配工", pay: [3000, 4800], education: "junior", experience: 0,
    content: "在社区工厂从事电子线束压接、穿线、组装与检验，计件加保底。", requirements: "视力良好，手脚灵活，无经验可带薪培训，家门口就业可照顾家庭。",
    skills: "线束压接 装配", benefits: ["meals", "insurance"], groups: ["rural_migrant", "lifted_from_poverty", "employment_difficulty", "zero_employment_family"], employer: "community_factory", ages: [18, 58] },
  { title: "线束质检员", industry: "electronics", occupation: "质检员", pay: [3500, 5000], education: "senior", experience: 1,
    content: "负责线束产品导通测试、外观检验与不良品记录。", requirements: "高中或中专以上学历，会使用测试仪器。",
    skills: "质量检验 导通测试", benefits: ["meals", "insurance"], groups: ["graduate", "returnee"], employer: "community_factory" },
  { title: "毛绒玩具缝纫工", industry: "plush_toys", occupation: "缝纫工", pay: [2800, 4500], education: "any", experience: 0,
    content: "在新社区工厂从事毛绒玩具裁片缝合、填充与整形，计件工资。", requirements: "会使用缝纫机者优先，不会可免费培训，时间灵活。",
    skills: "缝纫 平车", benefits: ["meals"], groups: ["rural_migrant", "lifted_from_poverty", "zero_employment_family", "disabled"], employer: "community_factory", ages: [18, 60] },
  { title: "毛绒玩具设计师", industry: "plush_toys", occupation: "产品设计", pay: [5000, 9000], education: "college", experience: 2,
    content: "负责毛绒玩具及文创产品打版、设计与打样。", requirements: "设计类专业，熟练使用设计软件。",
    skills: "产品设计 打版", benefits: ["insurance", "housing_fund", "bonus"], groups: ["graduate", "returnee"], employer: "company" },
  { title: "织袜挡车工", industry: "garments", occupation: "挡车工", pay: [3200, 5200], education: "any", experience: 0,
    content: "负责织袜机看机、换纱及简单故障处理。", requirements: "能适应倒班，新手可培训。",
    skills: "织袜 看机", benefits: ["meals", "housing", "insurance"], groups: ["rural_migrant", "school_leaver", "lifted_from_poverty"], employer: "community_factory", ages: [18, 50] },
  { title: "服装车工", industry: "garments", occupation: "缝纫工", pay: [3500, 6000], education: "any", experience: 1,
    content: "负责服装流水线缝制工序，计件工资多劳多得。", requirements: "熟练使用平车、拷边机。",
    skills: "平车 拷边", benefits: ["meals", "housing"], groups: ["rural_migrant", "returnee"], employer: "community_factory" },
  { title: "富硒茶加工工", industry: "selenium", occupation: "茶叶加工工", pay: [3000, 4500], education: "any", experience: 0,
    content: "负责富硒茶杀青、揉捻、烘干等加工工序。", requirements: "有制茶经验优先，茶季加班有补贴。",
    skills: "制茶 杀青", benefits: ["meals", "housing"], groups: ["rural_migrant", "lifted_from_poverty"], employer: "company" },
  { title: "富硒食品质检员", industry: "selenium", occupation: "质检员", pay: [3800, 5500], education: "college", experience: 0,
    content: "负责原料与成品检验、化验记录，配合食品安全体系运行。", requirements: "食品、生物、化学相关专业。",
    skills: "食品检验 化验", benefits: ["insurance", "housing_fund"], groups: ["graduate"], employer: "company" },
  { title: "魔芋加工操作工", industry: "selenium", occupation: "食品加工工", pay: [3000, 4500], education: "any", experience: 0,
    content: "负责魔芋清洗、切片、烘干及精粉加工。", requirements: "身体健康，持健康证。",
    skills: "食品加工", benefits: ["meals", "insurance"], groups: ["rural_migrant", "lifted_from_poverty", "employment_difficulty"], employer: "company" },
  { title: "景区讲解员", industry: "tourism_wellness", occupation: "讲解员", pay: [3000, 5000], education: "college", experience: 0,
    content: "负责景区游客讲解、接待与引导，宣传安康山水与历史文化。", requirements: "普通话二级乙等以上，形象气质佳。",
    skills: "讲解 普通话", benefits: ["meals", "insurance"], groups: ["graduate", "youth_unemployed"], employer: "company" },
  { title: "民宿管家", industry: "tourism_wellness", occupation: "客房服务员", pay: [3200, 5000], education: "senior", experience: 0,
    content: "负责民宿客房整理、入住接待、餐饮协助及线上订单管理。", requirements: "热情开朗，会用手机处理订单。",
    skills: "接待 客房", benefits: ["meals", "housing"], groups: ["returnee", "graduate", "rural_migrant"], employer: "company" },
  { title: "酒店前台接待", industry: "tourism_wellness", occupation: "前台接待", pay: [3000, 4200], education: "senior", experience: 0,
    content: "负责入住登记、退房结账、客人咨询与投诉处理。", requirements: "能适应倒班，会基础英语优先。",
    skills: "前台 接待", benefits: ["meals", "housing", "insurance"], groups: ["graduate", "youth_unemployed"], employer: "company" },
  { title: "康养中心健康管理师", industry: "tourism_wellness", occupation: "健康管理师", pay: [4500, 7000], education: "college", experience: 1,
    content: "为康养中心客人建立健康档案、制定膳食与运动方案。", requirements: "医学、护理、营养相关专业。",
    skills: "健康管理 营养", benefits: ["insurance", "housing_fund", "meals"], groups: ["graduate", "returnee"], employer: "company" },
  { title: "新材料生产操作工", industry: "new_materials", occupation: "化工操作工", pay: [4500, 6500], education: "senior", experience: 0,
    content: "负责生产线设备操作、巡检与记录，执行安全操作规程。", requirements: "能适应倒班，化工相关专业优先。",
    skills: "设备操作 巡检", benefits: ["meals", "housing", "insurance", "housing_fund"], groups: ["returnee", "veteran", "rural_migrant"], employer: "company", ages: [18, 45] },
  { title: "化验员", industry: "new_materials", occupation: "化验员", pay: [4000, 5500], education: "college", experience: 0,
    content: "负责原材料和产品理化指标检测，出具化验报告。", requirements: "化学、材料类专业。",
    skills: "化验 检测", benefits: ["meals", "insurance", "housing_fund"], groups: ["graduate"], employer: "company" },
  { title: "数控车床操作工", industry: "equipment", occupation: "车工", pay: [5000, 7500], education: "vocational", experience: 1,
    content: "负责数控车床编程、操作与零件加工，保证加工精度。", requirements: "持车工证书优先，能看懂机械图纸。",
    skills: "数控车床 编程", benefits: ["meals", "housing", "insurance"], groups: ["returnee", "veteran", "graduate"], employer: "company" },
  { title: "焊工", industry: "equipment", occupation: "焊工", pay: [6000, 9000], education: "any", experience: 2,
    content: "负责钢结构件二保焊、氩弧焊作业。", requirements: "持特种作业操作证（焊接与热切割）。",
    skills: "二保焊 氩弧焊", benefits: ["meals", "housing", "insurance"], groups: ["returnee", "rural_migrant", "veteran"], employer: "company" },
  { title: "设备维修电工", industry: "equipment", occupation: "电工", pay: [5000, 7000], education: "vocational", experience: 2,
    content: "负责厂区设备电气维修、保养和线路改造。", requirements: "持低压电工证。",
    skills: "电气维修 PLC", benefits: ["meals", "insurance", "housing_fund"], groups: ["veteran", "returnee"], employer: "company" },
  { title: "SMT贴片操作员", industry: "electronics", occupation: "电子设备装接工", pay: [4000, 6000], education: "senior", experience: 0,
    content: "负责SMT贴片机上料、操作与首件确认。", requirements: "能适应两班倒，视力良好。",
    skills: "SMT 贴片", benefits: ["meals", "housing", "insurance"], groups: ["school_leaver", "rural_migrant", "graduate"], employer: "company", ages: [18, 40] },
  { title: "快递分拣员", industry: "logistics", occupation: "快递员", pay: [3800, 5500], education: "any", experience: 0,
    content: "负责快件分拣、装卸与扫描录入。", requirements: "能适应夜班，身体健康。",
    skills: "分拣 扫描", benefits: ["meals", "insurance"], groups: ["rural_migrant", "youth_unemployed"], employer: "company", ages: [18, 50] },
  { title: "货车司机（A2）", industry: "logistics", occupation: "驾驶员", pay: [7000, 10000], education: "any", experience: 3,
    content: "负责干线货物运输，安全准时送达。", requirements: "持A2驾照，三年以上驾龄，无重大事故记录。",
    skills: "驾驶 A2", benefits: ["insurance", "bonus"], groups: ["veteran", "returnee"], employer: "company", ages: [23, 55] },
  { title: "仓库管理员", industry: "logistics", occupation: "仓库管理员", pay: [3500, 5000], education: "senior", experience: 1,
    content: "负责出入库登记、库存盘点与仓储系统操作。", requirements: "会使用电脑和扫码设备。",
    skills: "仓储管理 盘点", benefits: ["meals", "insurance"], groups: ["veteran", "employment_difficulty"], employer: "company" },
  { title: "电商运营专员", industry: "retail", occupation: "电子商务师", pay: [4000, 7000], education: "college", experience: 0,
    content: "负责富硒茶、魔芋等农特产品网店运营、活动策划与数据分析。", requirements: "电子商务、市场营销相关专业优先。",
    skills: "网店运营 数据分析", benefits: ["insurance", "bonus"], groups: ["graduate", "returnee"], employer: "company" },
  { title: "直播带货主播", industry: "retail", occupation: "互联网营销师", pay: [4000, 10000], education: "senior", experience: 0,
    content: "通过直播推介安康农特产品，与粉丝互动，完成销售目标。", requirements: "普通话标准，镜头感好，有直播经验优先。",
    skills: "直播 带货", benefits: ["bonus"], groups: ["graduate", "returnee", "youth_unemployed"], employer: "company" },
  { title: "超市收银员", industry: "retail", occupation: "收银员", pay: [2600, 3500], education: "any", experience: 0,
    content: "负责收银、顾客服务及商品整理。", requirements: "细心负责，能适应轮班。",
    skills: "收银", benefits: ["meals", "insurance"], groups: ["employment_difficulty", "zero_employment_family", "disabled"], employer: "company" },
  { title: "乡村医生", industry: "health", occupation: "乡村医生", pay: [3500, 5500], education: "vocational", experience: 0,
    content: "负责村卫生室常见病诊疗、公共卫生服务与慢病随访。", requirements: "临床医学相关专业，取得乡村医生或执业助理医师资格。",
    skills: "诊疗 公共卫生", benefits: ["insurance"], groups: ["graduate", "returnee"], employer: "public_institution" },
  { title: "护士", industry: "health", occupation: "护士", pay: [3800, 6000], education: "college", experience: 0,
    content: "负责病区临床护理、医嘱执行与护理记录。", requirements: "护理专业，持护士执业证书或已通过考试。",
    skills: "临床护理", benefits: ["insurance", "housing_fund"], groups: ["graduate"], employer: "public_institution" },
  { title: "幼儿园保育员", industry: "education", occupation: "保育员", pay: [2800, 4000], education: "senior", experience: 0,
    content: "负责幼儿生活照料、卫生消毒与配合教学。", requirements: "喜爱孩子，持保育员证优先。",
    skills: "保育", benefits: ["meals", "insurance"], groups: ["employment_difficulty", "graduate", "zero_employment_family"], employer: "company" },
  { title: "会计", industry: "retail", occupation: "会计", pay: [3800, 6000], education: "college", experience: 1,
    content: "负责账务处理、纳税申报与财务报表编制。", requirements: "会计相关专业，持初级会计职称优先。",
    skills: "账务 纳税申报", benefits: ["insurance", "housing_fund"], groups: ["graduate"], employer: "company" },
  { title: "安保员", industry: "public_service", occupation: "保安员", pay: [2800, 3800], education: "any", experience: 0,
    content: "负责园区门岗值守、巡逻与来访登记。", requirements: "退役军人优先，持保安员证优先。",
    skills: "安保 巡逻", benefits: ["meals", "housing", "insurance"], groups: ["veteran", "employment_difficulty"], employer: "company", ages: [18, 55] },
  { title: "物业保洁员", industry: "life_services", occupation: "保洁员", pay: [2300, 3000], education: "any", experience: 0,
    content: "负责小区公共区域清洁与垃圾分类管理。", requirements: "身体健康，吃苦耐劳。",
    skills: "保洁", benefits: ["insurance"], groups: ["employment_difficulty", "zero_employment_family", "disabled", "lifted_from_poverty"], employer: "company", ages: [18, 60] },
  { title: "社区工厂车间主管", industry: "plush_toys", occupation: "生产主管", pay: [5000, 8000], education: "senior", experience: 3,
    content: "负责社区工厂生产计划、人员排班、质量与安全管理。", requirements: "三年以上工厂管理经验，返乡人员优先。",
    skills: "生产管理 排班", benefits: ["meals", "insurance", "bonus"], groups: ["returnee"], employer: "community_factory" },
  { title: "茶园管理技术员", industry: "agriculture", occupation: "农艺工", pay: [3500, 5000], education: "vocational", experience: 1,
    content: "负责茶园栽培管理、病虫害防治与技术指导。", requirements: "茶学、农学相关专业。",
    skills: "茶园管理 植保", benefits: ["meals", "housing", "insurance"], groups: ["graduate", "returnee"], employer: "company" },
];

export interface InternshipTemplate {
  title: string;
  industry: IndustryCode;
  occupation: string;
  majors: string;
  content: string;
  employer: "company" | "public_institution";
}

export const INTERNSHIP_TEMPLATES: InternshipTemplate[] = [
  { title: "行政管理见习生", industry: "public_service", occupation: "行政办事员", majors: "行政管理、公共事业管理、汉语言文学", content: "协助处理公文收发、会议组织与档案整理。", employer: "public_institution" },
  { title: "财务会计见习岗", industry: "retail", occupation: "会计", majors: "会计学、财务管理、审计", content: "在带教老师指导下进行凭证录入、对账与报表整理。", employer: "company" },
  { title: "电子商务见习岗", industry: "retail", occupation: "电子商务师", majors: "电子商务、市场营销、国际贸易", content: "参与农特产品网店日常运营、商品上架与客服。", employer: "company" },
  { title: "护理见习岗", industry: "health", occupation: "护士", majors: "护理、助产", content: "在临床科室跟随带教护士开展基础护理工作。", employer: "public_institution" },
  { title: "幼儿教育见习岗", industry: "education", occupation: "幼儿教师", majors: "学前教育、小学教育", content: "协助班级教师组织幼儿一日活动与家园沟通。", employer: "company" },
  { title: "机械设计见习岗", industry: "equipment", occupation: "机械工程技术人员", majors: "机械设计制造及其自动化、机电一体化", content: "参与产品图纸绘制、工艺文件编写与现场技术支持。", employer: "company" },
  { title: "新闻宣传见习岗", industry: "public_service", occupation: "编辑", majors: "新闻学、广播电视编导、汉语言文学", content: "协助新媒体平台内容策划、采写与短视频制作。", employer: "public_institution" },
  { title: "旅游管理见习岗", industry: "tourism_wellness", occupation: "导游", majors: "旅游管理、酒店管理", content: "参与景区接待、线路设计与游客服务。", employer: "company" },
  { title: "食品检验见习岗", industry: "selenium", occupation: "食品检验员", majors: "食品质量与安全、食品科学、生物技术", content: "在实验室协助开展富硒食品检测与数据记录。", employer: "company" },
  { title: "农业技术推广见习岗", industry: "agriculture", occupation: "农业技术员", majors: "农学、园艺、茶学、植物保护", content: "下村开展种植技术指导、产业调研与台账整理。", employer: "public_institution" },
  { title: "软件开发见习岗", industry: "electronics", occupation: "软件工程技术人员", majors: "计算机科学与技术、软件工程、网络工程", content: "参与政务及企业信息系统的开发、测试与维护。", employer: "company" },
  { title: "法务助理见习岗", industry: "public_service", occupation: "法律事务助理", majors: "法学", content: "协助合同审查、法律咨询接待与案卷整理。", employer: "company" },
  { title: "社区工作见习岗", industry: "public_service", occupation: "社区工作者", majors: "社会工作、社会学、行政管理", content: "参与社区服务、就业政策宣传与困难群众走访。", employer: "public_institution" },
  { title: "乡村振兴助理见习岗", industry: "agriculture", occupation: "农村经纪人", majors: "农林经济管理、市场营销、不限专业", content: "协助村级集体经济项目管理、产业发展与电商销售。", employer: "public_institution" },
  { title: "人力资源见习岗", industry: "public_service", occupation: "人力资源管理", majors: "人力资源管理、劳动与社会保障、工商管理", content: "协助招聘组织、员工档案和社保业务办理。", employer: "company" },
  { title: "康养服务见习岗", industry: "tourism_wellness", occupation: "健康管理师", majors: "康复治疗、健康服务与管理、护理", content: "协助康养机构开展健康评估、康复训练与活动组织。", employer: "company" },
  { title: "新材料研发见习岗", industry: "new_materials", occupation: "材料工程技术人员", majors: "材料科学与工程、化学、化学工程与工艺", content: "在研发部参与样品制备、性能测试与数据分析。", employer: "company" },
  { title: "物流管理见习岗", industry: "logistics", occupation: "物流师", majors: "物流管理、供应链管理、交通运输", content: "参与仓储调度、配送路线规划与系统数据维护。", employer: "company" },
];

export interface GigTemplate {
  title: string;
  industry: IndustryCode;
  occupation: string;
  pay: [number, number];
  period: "day" | "hour";
  hours: [string, string];
  content: string;
}

export const GIG_TEMPLATES: GigTemplate[] = [
  { title: "搬运装卸工（日结）", industry: "logistics", occupation: "装卸工", pay: [150, 220], period: "day", hours: ["08:00", "17:00"], content: "货物装卸、搬运上楼，当天结算工资。" },
  { title: "茶叶采摘工（临时）", industry: "selenium", occupation: "采茶工", pay: [100, 180], period: "day", hours: ["06:30", "16:00"], content: "春茶采摘，按斤计价保底日薪，管午饭。" },
  { title: "婚宴帮厨", industry: "catering", occupation: "帮厨", pay: [150, 200], period: "day", hours: ["09:00", "15:00"], content: "协助厨师备菜、洗切与后厨清洁。" },
  { title: "超市促销员（周末）", industry: "retail", occupation: "促销员", pay: [20, 25], period: "hour", hours: ["10:00", "18:00"], content: "节假日富硒产品试吃推广与销售。" },
  { title: "保洁临时工", industry: "life_services", occupation: "保洁员", pay: [20, 28], period: "hour", hours: ["08:30", "12:30"], content: "新房开荒保洁或办公室深度清洁。" },
  { title: "快递分拣短工", industry: "logistics", occupation: "分拣员", pay: [18, 24], period: "hour", hours: ["19:00", "23:00"], content: "电商高峰期包裹分拣、扫描与装车。" },
  { title: "会展布置工", industry: "public_service", occupation: "布展工", pay: [180, 260], period: "day", hours: ["08:00", "18:00"], content: "展会搭建、桌椅搬运与现场布置。" },
  { title: "魔芋收获帮工", industry: "agriculture", occupation: "农业帮工", pay: [120, 160], period: "day", hours: ["07:00", "17:00"], content: "农忙季魔芋采挖、分拣与装袋，管两餐。" },
  { title: "活动礼仪（兼职）", industry: "tourism_wellness", occupation: "礼仪", pay: [30, 50], period: "hour", hours: ["09:00", "12:00"], content: "节会活动签到引导与颁奖礼仪。" },
  { title: "水电维修零工", industry: "construction", occupation: "水电工", pay: [200, 300], period: "day", hours: ["08:30", "17:30"], content: "小区住户水电维修、灯具安装。" },
  { title: "搬家师傅", industry: "logistics", occupation: "搬运工", pay: [180, 250], period: "day", hours: ["08:00", "16:00"], content: "居民搬家打包、搬运与家具拆装。" },
  { title: "景区临时检票员", industry: "tourism_wellness", occupation: "检票员", pay: [120, 160], period: "day", hours: ["08:00", "18:00"], content: "节假日景区检票、游客疏导。" },
  { title: "工地小工（日结）", industry: "construction", occupation: "杂工", pay: [160, 230], period: "day", hours: ["07:30", "17:30"], content: "工地清理、材料搬运，按天结算。" },
  { title: "家教辅导（初中数学）", industry: "education", occupation: "家庭教师", pay: [50, 80], period: "hour", hours: ["18:30", "20:30"], content: "上门辅导初中数学作业，大学生优先。" },
];

export interface CourseLine {
  title: string;
  trade: string;
  brand?: BrandCode;
  industry: IndustryCode;
  hours: [number, number];
  cost: [number, number];
  certificate: string;
  leadsTo: string;
  description: string;
  /** Counties that run it; defaults to the brand's county plus the city seat. */
  counties?: string[];
}

export const COURSE_LINES: CourseLine[] = [
  { title: "紫阳修脚师专项能力培训班", trade: "修脚", brand: "ziyang_pedicure", industry: "life_services", hours: [80, 120], cost: [1800, 2600],
    certificate: "专项职业能力证书（修脚）", leadsTo: "修脚师、足部护理技师，推荐到全国连锁修脚门店", description: "理论与实操结合，学习足部解剖、修脚刀法、常见足病处理与门店服务规范。", counties: ["610924", "610902"] },
  { title: "旬阳建工钢筋工培训班", trade: "钢筋工", brand: "xunyang_builders", industry: "construction", hours: [60, 100], cost: [1200, 2000],
    certificate: "职业技能等级证书（钢筋工 五级）", leadsTo: "建筑钢筋工，随旬阳建工劳务队伍输出", description: "识图、钢筋下料与绑扎、安全施工规范，结业后统一组织外出务工。", counties: ["610981"] },
  { title: "旬阳建工施工员岗位培训", trade: "施工员", brand: "xunyang_builders", industry: "construction", hours: [80, 120], cost: [2000, 3200],
    certificate: "施工员岗位证书", leadsTo: "在建工程施工员、技术员", description: "施工组织设计、质量安全管理、工程资料编制。", counties: ["610981", "610902"] },
  { title: "安康美厨中式烹调师培训", trade: "中式烹调", brand: "ankang_chefs", industry: "catering", hours: [90, 150], cost: [2200, 3800],
    certificate: "职业技能等级证书（中式烹调师 四级）", leadsTo: "厨师、厨师长，推荐到酒店和餐饮企业", description: "刀工、火候、陕南菜与富硒菜品制作，安康蒸面专项。" },
  { title: "安康美厨面点师培训", trade: "中式面点", brand: "ankang_chefs", industry: "catering", hours: [60, 100], cost: [1600, 2600],
    certificate: "职业技能等级证书（中式面点师 五级）", leadsTo: "面点师、早餐店创业", description: "安康蒸面、包子花卷及地方小吃制作。", counties: ["610902", "610921", "610926"] },
  { title: "安康养老护理员培训班", trade: "养老护理", brand: "ankang_elderly_care", industry: "elderly_care", hours: [80, 120], cost: [1500, 2400],
    certificate: "职业技能等级证书（养老护理员 五级）", leadsTo: "养老机构、医养结合机构及居家养老护理员", description: "生活照料、基础护理、康复服务与心理支持。" },
  { title: "白河保温工技能培训", trade: "保温施工", brand: "baihe_insulation", industry: "new_materials", hours: [40, 80], cost: [1000, 1800],
    certificate: "专项职业能力证书（建筑保温施工）", leadsTo: "外墙保温施工员，随劳务队伍输出", description: "保温材料识别、粘贴锚固工艺、高处作业安全。", counties: ["610929"] },
  { title: "康嫂家政服务员培训", trade: "家政服务", brand: "kangsao_domestic", industry: "domestic_services", hours: [60, 90], cost: [1200, 2000],
    certificate: "职业技能等级证书（家政服务员 五级）", leadsTo: "家政服务员、保洁员，输出到西安等城市", description: "家居保洁、衣物洗护、家庭烹饪与服务礼仪。", counties: ["610921", "610902"] },
  { title: "康嫂母婴护理（月嫂）培训", trade: "母婴护理", brand: "kangsao_domestic", industry: "domestic_services", hours: [90, 140], cost: [2400, 3600],
    certificate: "职业技能等级证书（育婴员 四级）", leadsTo: "月嫂、育婴员", description: "新生儿护理、产妇照护、月子餐制作。", counties: ["610921", "610902", "610981"] },
  { title: "秦巴康养服务技能培训", trade: "康养服务", industry: "tourism_wellness", hours: [60, 100], cost: [1500, 2500],
    certificate: "专项职业能力证书（康养服务）", leadsTo: "康养中心服务员、健康管理助理", description: "康养接待、保健按摩、膳食养生与康养旅游服务。", counties: ["610902", "610926", "610925", "610923"] },
  { title: "母婴护理员培训", trade: "母婴护理", industry: "domestic_services", hours: [80, 120], cost: [2000, 3200],
    certificate: "职业技能等级证书（育婴员 五级）", leadsTo: "母婴护理员、育婴员", description: "婴幼儿生活照料、早期发展与常见病预防。", counties: ["610902", "610922", "610926"] },
  { title: "富硒茶叶制作技能培训", trade: "茶叶制作", industry: "selenium", hours: [40, 80], cost: [800, 1500],
    certificate: "职业技能等级证书（评茶员 五级）", leadsTo: "制茶工、茶园技术员、茶叶电商", description: "紫阳富硒茶、平利绞股蓝茶采制工艺与品质鉴评。", counties: ["610924", "610926", "610925"] },
  { title: "电子线束装配工培训", trade: "电子线束", industry: "electronics", hours: [30, 60], cost: [600, 1200],
    certificate: "专项职业能力证书（线束装配）", leadsTo: "新社区工厂线束装配工、质检员", description: "线束压接、穿线、导通测试与质量标准，结业直接推荐到社区工厂。", counties: ["610902", "610921", "610922", "610929"] },
  { title: "缝纫工技能培训", trade: "缝纫", industry: "plush_toys", hours: [30, 60], cost: [600, 1200],
    certificate: "专项职业能力证书（缝纫）", leadsTo: "毛绒玩具、服装社区工厂缝纫工", description: "平车、拷边机操作与毛绒玩具缝制工艺。", counties: ["610902", "610921", "610926", "610981", "610927"] },
];

export const BASE_TYPES = ["incubator", "returnee_park", "graduate_park", "veteran_park", "guiyan_park", "standard_center"] as const;

export const BASE_TYPE_NAMES: Record<(typeof BASE_TYPES)[number], string> = {
  incubator: "创业孵化基地",
  returnee_park: "返乡创业示范园",
  graduate_park: "大学生创业孵化园",
  veteran_park: "退役军人创业孵化园",
  guiyan_park: "归雁经济产业园",
  standard_center: "标准化创业中心",
};

export const NAME_WORDS = ["秦巴", "汉江", "瀛湖", "金州", "兴安", "安澜", "富硒", "凤凰", "香溪", "南宫山", "月河", "恒口",
  "任河", "化龙山", "天书", "双龙", "鑫源", "丰源", "硒谷", "云雾", "长安", "嘉禾", "润达", "宏远", "汇丰", "华信", "盛泰", "绿源"];

export const COMPANY_SUFFIX: Record<IndustryCode, string[]> = {
  selenium: ["富硒茶业有限公司", "富硒食品有限公司", "魔芋制品有限公司"],
  tourism_wellness: ["旅游开发有限公司", "康养产业有限公司", "酒店管理有限公司"],
  new_materials: ["新材料科技有限公司", "节能建材有限公司"],
  equipment: ["机械制造有限公司", "装备科技有限公司"],
  electronics: ["电子科技有限公司", "智能科技有限公司"],
  logistics: ["物流有限公司", "供应链管理有限公司"],
  plush_toys: ["毛绒玩具有限公司", "文创用品有限公司"],
  garments: ["服饰有限公司", "针织有限公司"],
  construction: ["建筑工程有限公司", "建设集团有限公司"],
  catering: ["餐饮管理有限公司", "大酒店有限公司"],
  elderly_care: ["养老服务有限公司", "颐养中心"],
  domestic_services: ["家政服务有限公司"],
  life_services: ["足道养生有限公司", "物业服务有限公司"],
  retail: ["商贸有限公司", "电子商务有限公司"],
  health: ["医院", "卫生院"],
  education: ["幼儿园", "教育咨询有限公司"],
  agriculture: ["农业开发有限公司", "农民专业合作社"],
  public_service: ["人力资源服务有限公司", "社会工作服务中心"],
};

export const FACTORY_TRADES: { industry: IndustryCode; trade: string }[] = [
  { industry: "plush_toys", trade: "毛绒玩具" },
  { industry: "garments", trade: "服饰织袜" },
  { industry: "electronics", trade: "电子线束" },
];
