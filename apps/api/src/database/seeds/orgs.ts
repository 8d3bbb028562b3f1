import type { DemoOrg } from './demo-data';

/**
 * The rest of the 京口区 tree around the named orgs of demo-data.ts (which the demo users and the browser
 * tests name): ten streets and parks in all, sixty enterprises (two of them the courier union's). Names are
 * fictional.
 */
interface Unit {
  /** A named org's key, or a new street or park's. */
  key: string;
  /** Set for a street or park that demo-data.ts does not name. */
  unit?: { name: string; kind: 'street' | 'park'; memberCount: number };
  enterprises: string[];
}

const MORE_UNITS: Unit[] = [
  {
    key: 'dashikou',
    enterprises: ['京口区实验小学', '中山东路商贸有限公司', '京口百货大楼', '大市口社区卫生服务中心'],
  },
  {
    key: 'zhengdong',
    enterprises: [
      '正东路社区卫生服务中心',
      '京江印刷有限公司',
      '金山湖酒店管理有限公司',
      '京口区第二中学',
      '宝塔山餐饮有限公司',
    ],
  },
  {
    key: 'sipailou',
    enterprises: [
      '四牌楼供销合作社',
      '北固山旅游开发有限公司',
      '京口区图书馆',
      '江滨医院',
      '四牌楼建筑安装有限公司',
    ],
  },
  {
    key: 'jiankang',
    unit: { name: '健康路街道工会', kind: 'street', memberCount: 5800 },
    enterprises: [
      '健康路社区卫生服务中心',
      '京口区中医院',
      '润州纺织有限公司',
      '京华家政服务有限公司',
      '健康路小学',
      '江南电力设备有限公司',
    ],
  },
  {
    key: 'jianbi',
    unit: { name: '谏壁街道工会', kind: 'street', memberCount: 6400 },
    enterprises: [
      '谏壁发电厂',
      '谏壁船闸管理所',
      '江港物流有限公司',
      '谏壁建材有限公司',
      '京口港务有限公司',
      '谏壁中学',
    ],
  },
  {
    key: 'xiangshan',
    unit: { name: '象山街道工会', kind: 'street', memberCount: 5200 },
    enterprises: [
      '象山汽车零部件有限公司',
      '焦山风景区管理处',
      '象山社区卫生服务中心',
      '京口区环卫所',
      '镇江丝绸有限公司',
      '象山物业管理有限公司',
    ],
  },
  {
    key: 'dingmao',
    unit: { name: '丁卯街道工会', kind: 'street', memberCount: 4700 },
    enterprises: [
      '丁卯光电科技有限公司',
      '京口软件园运营有限公司',
      '丁卯医药有限公司',
      '京口区第三人民医院',
      '丁卯幼儿园',
    ],
  },
  {
    key: 'devzone',
    enterprises: [
      '京口精密机械有限公司',
      '开发区电子信息有限公司',
      '京口汽车配件有限公司',
      '京口生物医药有限公司',
      '开发区热电有限公司',
    ],
  },
  {
    key: 'techpark',
    unit: { name: '京口科技园工会', kind: 'park', memberCount: 3900 },
    enterprises: [
      '京口数据科技有限公司',
      '云帆网络科技有限公司',
      '京口检测认证有限公司',
      '智行交通科技有限公司',
      '京口创意设计有限公司',
    ],
  },
  {
    key: 'unipark',
    unit: { name: '京口大学科技园工会', kind: 'park', memberCount: 2600 },
    enterprises: [
      '京口新能源科技有限公司',
      '博远教育科技有限公司',
      '京口人力资源服务有限公司',
      '京口云仓供应链有限公司',
      '京口智慧农业科技有限公司',
    ],
  },
  {
    key: 'logistics',
    enterprises: ['京口顺达快递分拨中心', '京口城配物流有限公司'],
  },
];

/** Enterprise sizes (members on record), cycled so the tree has big and small units. */
const SIZES = [180, 420, 95, 760, 260, 1300, 140, 530, 310, 88, 640, 225];

/** The named orgs plus the generated ones, parents before children. */
export function demoOrgTree(named: DemoOrg[]): DemoOrg[] {
  const orgs = [...named];
  let n = 0;
  for (const unit of MORE_UNITS) {
    if (unit.unit) orgs.push({ key: unit.key, ...unit.unit, parent: 'district' });
    unit.enterprises.forEach((name, i) => {
      orgs.push({
        key: `${unit.key}-${i + 1}`,
        name: `${name}工会`,
        kind: 'enterprise',
        parent: unit.key,
        memberCount: SIZES[n++ % SIZES.length],
      });
    });
  }
  return orgs;
}
