import type { Amenity, BenefitKind, LegalCategory, OrgKind, UserTag, WorkerCategory } from '@jingcai/shared';

// The demo's people live with the dev login that lists them; the seed writes them under these orgs' keys.
export { DEMO_USERS, type DemoUser } from '../../modules/auth/demo-accounts';

export interface DemoOrg {
  key: string;
  name: string;
  kind: OrgKind;
  parent?: string;
  memberCount: number;
}

/** The district the demo and the browser journeys run against. Names are fictional. */
export const DEMO_ORGS: DemoOrg[] = [
  { key: 'district', name: '京口区总工会', kind: 'district', memberCount: 52000 },
  { key: 'dashikou', name: '大市口街道工会', kind: 'street', parent: 'district', memberCount: 8600 },
  {
    key: 'jingcai-tech',
    name: '京彩科技有限公司工会',
    kind: 'enterprise',
    parent: 'dashikou',
    memberCount: 320,
  },
  {
    key: 'people-hospital',
    name: '京口区人民医院工会',
    kind: 'enterprise',
    parent: 'dashikou',
    memberCount: 1450,
  },
  { key: 'zhengdong', name: '正东路街道工会', kind: 'street', parent: 'district', memberCount: 7300 },
  {
    key: 'zhengdong-property',
    name: '正东路物业服务有限公司工会',
    kind: 'enterprise',
    parent: 'zhengdong',
    memberCount: 210,
  },
  { key: 'sipailou', name: '四牌楼街道工会', kind: 'street', parent: 'district', memberCount: 6900 },
  {
    key: 'sipailou-market',
    name: '四牌楼农贸市场工会',
    kind: 'enterprise',
    parent: 'sipailou',
    memberCount: 95,
  },
  { key: 'devzone', name: '京口经济开发区工会', kind: 'park', parent: 'district', memberCount: 12800 },
  {
    key: 'devzone-smart',
    name: '京口智能制造有限公司工会',
    kind: 'enterprise',
    parent: 'devzone',
    memberCount: 2300,
  },
  {
    key: 'devzone-materials',
    name: '京口新材料有限公司工会',
    kind: 'enterprise',
    parent: 'devzone',
    memberCount: 860,
  },
  {
    key: 'logistics',
    name: '京口区快递物流行业工会',
    kind: 'industry',
    parent: 'district',
    memberCount: 1900,
  },
  {
    key: 'ride-hailing',
    name: '京口区网约车司机工会',
    kind: 'new_employment',
    parent: 'district',
    memberCount: 1200,
  },
  {
    key: 'riders',
    name: '京口区外卖骑手工会',
    kind: 'new_employment',
    parent: 'district',
    memberCount: 1600,
  },
];


export interface DemoStation {
  key: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  hours: string;
  amenities: Amenity[];
  org: string;
}

/** Roadside stations around 京口 (coordinates near Zhenjiang's Jingkou district). */
export const DEMO_STATIONS: DemoStation[] = [
  {
    key: 'dashikou',
    name: '大市口户外劳动者服务站',
    address: '中山东路 88 号',
    latitude: 32.2047,
    longitude: 119.4551,
    hours: '08:00-20:00',
    amenities: ['water', 'charging', 'rest', 'microwave', 'toilet'],
    org: 'dashikou',
  },
  {
    key: 'zhengdong',
    name: '正东路职工驿站',
    address: '正东路 126 号',
    latitude: 32.2101,
    longitude: 119.4628,
    hours: '09:00-18:00',
    amenities: ['water', 'rest', 'toilet'],
    org: 'zhengdong',
  },
  {
    key: 'devzone',
    name: '开发区快递小哥驿站',
    address: '学府路 301 号',
    latitude: 32.1985,
    longitude: 119.5102,
    hours: '07:30-21:00',
    amenities: ['water', 'charging', 'rest', 'microwave'],
    org: 'devzone',
  },
  {
    key: 'riders',
    name: '骑手之家（京口店）',
    address: '解放路 12 号',
    latitude: 32.2062,
    longitude: 119.4489,
    hours: '10:00-22:00',
    amenities: ['water', 'charging', 'microwave'],
    org: 'riders',
  },
];

export interface DemoBenefit {
  title: string;
  description: string;
  kind: BenefitKind;
  stock: number;
  categories: WorkerCategory[];
  gigVerifiedRequired: boolean;
  tags: UserTag[];
  membersOnly: boolean;
  stations: string[];
  owner: string;
  /** Workers of this org's subtree only (an org key); everyone when absent. */
  audience?: string;
  /** Claim window and pickup deadline, in days from seeding (all past: a release that is over). */
  opensInDays: number;
  closesInDays: number;
  pickupDays: number;
}

export const DEMO_BENEFITS: DemoBenefit[] = [
  {
    title: '暖新礼包',
    description: '送给新就业形态劳动者的冬日礼包：保温杯、护手霜、反光背心。凭领取码到服务站领取。',
    kind: 'pack',
    stock: 600,
    categories: [
      'courier',
      'delivery_rider',
      'ride_hailing_driver',
      'truck_driver',
      'domestic_worker',
      'other_gig',
    ],
    gigVerifiedRequired: true,
    tags: [],
    membersOnly: false,
    stations: ['dashikou', 'zhengdong', 'devzone', 'riders'],
    owner: 'district',
    opensInDays: -18,
    closesInDays: 12,
    pickupDays: 27,
  },
  {
    title: '会员新春慰问品',
    description: '工会会员新春慰问：大米一袋、食用油一桶、春联福字一套。凭领取码到服务站领取。',
    kind: 'pack',
    stock: 800,
    categories: [],
    gigVerifiedRequired: false,
    tags: [],
    membersOnly: true,
    stations: ['dashikou', 'zhengdong', 'devzone'],
    owner: 'district',
    opensInDays: -6,
    closesInDays: 24,
    pickupDays: 40,
  },
  {
    title: '会员免费体检',
    description: '工会会员年度免费体检一次，凭领取码到服务站预约。',
    kind: 'service',
    stock: 200,
    categories: [],
    gigVerifiedRequired: false,
    tags: [],
    membersOnly: true,
    stations: ['dashikou', 'zhengdong'],
    owner: 'district',
    opensInDays: -25,
    closesInDays: 35,
    pickupDays: 60,
  },
  {
    title: '大市口街道暖冬早餐券',
    description: '大市口街道为辖区一线职工准备的暖冬早餐券（10 份），凭领取码到大市口服务站领取。',
    kind: 'service',
    stock: 150,
    categories: [],
    gigVerifiedRequired: false,
    tags: [],
    membersOnly: false,
    stations: ['dashikou'],
    owner: 'dashikou',
    audience: 'dashikou',
    opensInDays: -9,
    closesInDays: 21,
    pickupDays: 30,
  },
  {
    title: '夏送清凉',
    description: '高温岗位职工防暑降温物资：藿香正气水、毛巾、饮料。',
    kind: 'pack',
    stock: 600,
    categories: [],
    gigVerifiedRequired: false,
    tags: ['high_temperature_post'],
    membersOnly: false,
    stations: ['dashikou', 'devzone', 'riders'],
    owner: 'district',
    opensInDays: -80,
    closesInDays: -55,
    pickupDays: -45,
  },
];

export interface DemoReadingSeason {
  theme: string;
  description: string;
  /** Days from today (Asia/Shanghai) to the first and the last day. */
  startsInDays: number;
  endsInDays: number;
  minNoteLength: number;
  makeUpAllowance: number;
  books: { title: string; author: string; blurb: string }[];
}

/** The district's reading season, 40 days in today, open to everyone. */
export const DEMO_READING_SEASON: DemoReadingSeason = {
  theme: '阅读新时代 建功新征程',
  description: '职工读书季：每天读一读，写下读后感，和书友们一起打卡。连续打卡 7 / 21 / 50 天点亮读书徽章。',
  startsInDays: -39,
  endsInDays: 20,
  minNoteLength: 10,
  makeUpAllowance: 3,
  books: [
    { title: '平凡的世界', author: '路遥', blurb: '孙少安、孙少平兄弟在时代洪流中的奋斗与坚守。' },
    { title: '红岩', author: '罗广斌、杨益言', blurb: '渣滓洞、白公馆里共产党人的信念与气节。' },
    { title: '大国工匠', author: '中央电视台《大国工匠》节目组', blurb: '一线工匠的执着与匠心。' },
    { title: '人世间', author: '梁晓声', blurb: '周家三兄妹和光字片的邻里，半个世纪的普通人生活。' },
    { title: '劳动法律知识读本', author: '京口区总工会法律服务中心', blurb: '劳动合同、工资、工伤、维权途径，一线职工看得懂的法律知识。' },
  ],
};

export interface DemoLegalCase {
  title: string;
  category: LegalCategory;
  facts: string;
  outcome: string;
  law: string;
}

/** Published typical cases (典型案例) for the case library. */
export const DEMO_LEGAL_CASES: DemoLegalCase[] = [
  {
    title: '外卖骑手被拖欠工资 工会帮助追回',
    category: 'wage_arrears',
    facts:
      '某外卖骑手在配送站工作四个月，站点以“业绩不达标”为由拖欠两个月工资共 1.2 万元。骑手通过小程序向工会咨询，并提交了排班截图和转账记录。',
    outcome:
      '街道工会法律服务站律师指导骑手固定证据，工会出面与站点协商未果后，协助其向劳动监察大队投诉。站点在责令整改期限内全额支付了拖欠工资。',
    law: '《保障农民工工资支付条例》第十五条；《劳动合同法》第三十条',
  },
  {
    title: '快递员送件途中摔伤 认定为工伤',
    category: 'work_injury',
    facts: '某快递员在派件途中骑电动车摔伤，公司以“个人操作不当”为由拒绝申报工伤。',
    outcome:
      '工会律师协助职工在事故发生一年内自行提出工伤认定申请，人社部门认定为工伤，职工依法享受工伤保险待遇。',
    law: '《工伤保险条例》第十四条、第十七条',
  },
  {
    title: '未签书面劳动合同 获二倍工资差额',
    category: 'labour_contract',
    facts: '某餐馆服务员入职一年，餐馆始终未与其签订书面劳动合同，离职时要求支付二倍工资被拒。',
    outcome: '经工会调解员调解，餐馆同意支付未签合同期间的二倍工资差额 2.6 万元。',
    law: '《劳动合同法》第八十二条',
  },
];
