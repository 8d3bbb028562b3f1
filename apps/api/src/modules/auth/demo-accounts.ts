import type { Role, UserTag, WorkerCategory } from '@jingcai/shared';

/**
 * The demo district's people: the dev login (AUTH_DEV_LOGIN=true) lists them, and the demo seed creates
 * them. `org` and staff grants name an org by its key in the seed's demo orgs.
 */
export interface DemoUser {
  openid: string;
  label: string;
  realName?: string;
  phone?: string;
  category?: WorkerCategory;
  org?: string;
  tags?: UserTag[];
  gigVerified?: boolean;
  /** Extra roles; staff grants use the org key. */
  roles?: { role: Exclude<Role, 'worker'>; org?: string }[];
  consented?: boolean;
}

export const DEMO_USERS: DemoUser[] = [
  {
    openid: 'demo-worker',
    label: '职工 张伟（京彩科技）',
    realName: '张伟',
    phone: '13800000001',
    category: 'regular',
    org: 'jingcai-tech',
    consented: true,
  },
  {
    openid: 'demo-model-worker',
    label: '劳模 刘芳（人民医院）',
    realName: '刘芳',
    phone: '13800000002',
    category: 'regular',
    org: 'people-hospital',
    tags: ['model_worker', 'frontline_medic'],
    consented: true,
  },
  {
    openid: 'demo-courier',
    label: '快递员 赵强',
    realName: '赵强',
    phone: '13800000003',
    category: 'courier',
    org: 'logistics',
    gigVerified: true,
    consented: true,
  },
  {
    openid: 'demo-rider',
    label: '外卖骑手 孙磊',
    realName: '孙磊',
    phone: '13800000004',
    category: 'delivery_rider',
    org: 'riders',
    gigVerified: true,
    tags: ['high_temperature_post'],
    consented: true,
  },
  {
    openid: 'demo-driver',
    label: '网约车司机 周杰',
    realName: '周杰',
    phone: '13800000005',
    category: 'ride_hailing_driver',
    org: 'ride-hailing',
    consented: true,
  },
  {
    openid: 'demo-trucker',
    label: '货车司机 吴刚',
    realName: '吴刚',
    phone: '13800000006',
    category: 'truck_driver',
    consented: true,
  },
  {
    openid: 'demo-domestic',
    label: '家政服务员 郑丽',
    realName: '郑丽',
    phone: '13800000007',
    category: 'domestic_worker',
    tags: ['hardship_family'],
    consented: true,
  },
  {
    openid: 'demo-gig',
    label: '其他新就业形态 王敏',
    realName: '王敏',
    category: 'other_gig',
    consented: true,
  },
  { openid: 'demo-newcomer', label: '新用户（未填写资料）' },
  {
    openid: 'demo-staff',
    label: '工作人员 李干事（大市口街道）',
    realName: '李娜',
    phone: '13900000001',
    org: 'dashikou',
    roles: [{ role: 'staff', org: 'dashikou' }],
    consented: true,
  },
  {
    openid: 'demo-staff-devzone',
    label: '工作人员 陈干事（开发区）',
    realName: '陈晨',
    phone: '13900000002',
    org: 'devzone',
    roles: [{ role: 'staff', org: 'devzone' }],
    consented: true,
  },
  {
    openid: 'demo-lawyer',
    label: '法律志愿者 黄律师',
    realName: '黄文',
    phone: '13900000003',
    roles: [{ role: 'lawyer' }],
    consented: true,
  },
  {
    openid: 'demo-admin',
    label: '区总工会管理员 王主席',
    realName: '王建国',
    phone: '13900000009',
    org: 'district',
    roles: [{ role: 'admin' }],
    consented: true,
  },
];
