/**
 * The occupation of every post, internship, gig and course the demo is made of (prisma/seed/catalog.ts),
 * and the occupations each labour brand trains for. Written out, not left to codeTitle, so a change
 * to the keyword table cannot silently recode the demo; the test checks both agree. Where the
 * classification has no exact occupation, data/occupations/README.md says which one we chose and why.
 */

export const JOB_OCCUPATIONS: Record<string, string> = {
  在建工程施工员: "2-02-18-02",
  建筑钢筋工: "6-29-01-04",
  "建筑木工（支模）": "6-06-03-01",
  砌筑工: "6-29-01-01",
  外墙保温施工员: "6-29-04-01",
  修脚师: "4-10-03-05",
  足部护理技师: "4-10-03-05",
  中式烹调师: "4-03-02-01",
  "面点师（安康蒸面）": "4-03-02-02",
  酒店厨师长: "4-03-02-01",
  养老护理员: "4-10-01-05",
  医养结合护理员: "4-10-01-05",
  家政服务员: "4-10-01-06",
  "育婴员（月嫂）": "4-10-01-06",
  电子线束装配工: "6-25-04-07",
  线束质检员: "6-31-03-05",
  毛绒玩具缝纫工: "6-09-05-00",
  毛绒玩具设计师: "4-08-08-10",
  织袜挡车工: "6-04-04-01",
  服装车工: "6-05-01-03",
  富硒茶加工工: "6-02-06-10",
  富硒食品质检员: "4-08-05-01",
  魔芋加工操作工: "6-01-06-00",
  景区讲解员: "4-13-01-03",
  民宿管家: "4-14-06-02",
  酒店前台接待: "4-03-01-01",
  康养中心健康管理师: "4-14-02-02",
  新材料生产操作工: "6-11-01-02",
  化验员: "6-31-03-01",
  数控车床操作工: "6-18-01-01",
  焊工: "6-18-02-04",
  设备维修电工: "6-31-01-03",
  SMT贴片操作员: "6-25-04-07",
  快递分拣员: "4-02-07-09",
  "货车司机（A2）": "4-02-02-02",
  仓库管理员: "4-02-06-01",
  电商运营专员: "4-01-06-01",
  直播带货主播: "4-01-06-02",
  超市收银员: "4-01-02-04",
  乡村医生: "2-05-09-00",
  护士: "2-05-08-01",
  幼儿园保育员: "4-10-01-03",
  会计: "2-06-03-00",
  安保员: "4-07-05-01",
  物业保洁员: "4-09-08-01",
  社区工厂车间主管: "1-06-01-02",
  茶园管理技术员: "5-05-01-01",
};

export const INTERNSHIP_OCCUPATIONS: Record<string, string> = {
  行政管理见习生: "3-01-01-01",
  财务会计见习岗: "2-06-03-00",
  电子商务见习岗: "4-01-06-01",
  护理见习岗: "2-05-08-01",
  幼儿教育见习岗: "2-08-03-00",
  机械设计见习岗: "2-02-07-01",
  新闻宣传见习岗: "2-10-02-05",
  旅游管理见习岗: "4-07-04-01",
  食品检验见习岗: "4-08-05-01",
  农业技术推广见习岗: "2-03-02-00",
  软件开发见习岗: "2-02-10-03",
  法务助理见习岗: "2-07-09-00",
  社区工作见习岗: "3-01-04-01",
  乡村振兴助理见习岗: "5-05-01-02",
  人力资源见习岗: "4-07-03-04",
  康养服务见习岗: "4-14-06-01",
  新材料研发见习岗: "2-02-19-03",
  物流管理见习岗: "4-02-06-03",
};

export const GIG_OCCUPATIONS: Record<string, string> = {
  "搬运装卸工（日结）": "4-02-05-01",
  "茶叶采摘工（临时）": "5-01-02-02",
  婚宴帮厨: "4-03-02-01",
  "超市促销员（周末）": "4-01-02-01",
  保洁临时工: "4-09-08-01",
  快递分拣短工: "4-02-07-09",
  会展布置工: "4-07-07-01",
  魔芋收获帮工: "5-01-02-01",
  "活动礼仪（兼职）": "4-13-01-02",
  水电维修零工: "6-31-01-03",
  搬家师傅: "4-02-05-01",
  景区临时检票员: "4-07-04-05",
  "工地小工（日结）": "4-02-05-01",
  "家教辅导（初中数学）": "2-08-02-03",
};

export const COURSE_OCCUPATIONS: Record<string, string> = {
  紫阳修脚师专项能力培训班: "4-10-03-05",
  旬阳建工钢筋工培训班: "6-29-01-04",
  旬阳建工施工员岗位培训: "2-02-18-02",
  安康美厨中式烹调师培训: "4-03-02-01",
  安康美厨面点师培训: "4-03-02-02",
  安康养老护理员培训班: "4-10-01-05",
  白河保温工技能培训: "6-29-04-01",
  康嫂家政服务员培训: "4-10-01-06",
  "康嫂母婴护理（月嫂）培训": "4-10-01-06",
  秦巴康养服务技能培训: "4-14-06-01",
  母婴护理员培训: "4-10-01-06",
  富硒茶叶制作技能培训: "6-02-06-10",
  电子线束装配工培训: "6-25-04-07",
  缝纫工技能培训: "6-05-01-03",
};

/** The certificate each course ends with (its `certificate` text in the catalog), as a credential code. */
export const COURSE_CREDENTIALS: Record<string, string> = {
  紫阳修脚师专项能力培训班: "special_pedicure",
  旬阳建工钢筋工培训班: "skill_rebar",
  旬阳建工施工员岗位培训: "site_staff_constructor",
  安康美厨中式烹调师培训: "skill_chinese_cook",
  安康美厨面点师培训: "skill_chinese_pastry",
  安康养老护理员培训班: "skill_elderly_care",
  白河保温工技能培训: "special_insulation",
  康嫂家政服务员培训: "skill_domestic",
  "康嫂母婴护理（月嫂）培训": "skill_childcare",
  秦巴康养服务技能培训: "special_wellness",
  母婴护理员培训: "skill_childcare",
  富硒茶叶制作技能培训: "skill_tea_taster",
  电子线束装配工培训: "special_harness",
  缝纫工技能培训: "special_sewing",
};

/** What each labour brand trains people for, its main trade first. */
export const BRAND_OCCUPATIONS: Record<string, string[]> = {
  ziyang_pedicure: ["4-10-03-05"],
  xunyang_builders: ["6-29-01-04", "6-06-03-01", "6-29-01-01", "6-29-01-05", "6-29-01-03", "2-02-18-02"],
  ankang_chefs: ["4-03-02-01", "4-03-02-02"],
  ankang_elderly_care: ["4-10-01-05", "4-14-01-02"],
  baihe_insulation: ["6-29-04-01"],
  kangsao_domestic: ["4-10-01-06", "4-10-01-01"],
};

/** Every demo title of any kind → its occupation. */
export const CATALOG_OCCUPATIONS: Record<string, string> = {
  ...JOB_OCCUPATIONS,
  ...INTERNSHIP_OCCUPATIONS,
  ...GIG_OCCUPATIONS,
  ...COURSE_OCCUPATIONS,
};
