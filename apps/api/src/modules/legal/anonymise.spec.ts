import { anonymise } from './anonymise';

describe('anonymise', () => {
  it('removes phones, ID numbers, known names, employers and references to bosses', () => {
    const text =
      '我叫张建国，手机13812345678，身份证320102199001011234。在镇江美味餐饮管理有限公司送外卖，' +
      '王经理说不发工资，电话0511-85551234。工资卡6222021234567890123。';
    const out = anonymise(text, { people: ['张建国'] });
    expect(out).not.toMatch(
      /张建国|13812345678|320102199001011234|美味餐饮|王经理|85551234|6222021234567890123/,
    );
    expect(out).toContain('某职工');
    expect(out).toContain('[手机号]');
    expect(out).toContain('[身份证号]');
    expect(out).toContain('某有限公司');
    expect(out).toContain('某经理');
  });

  it('replaces employers named elsewhere, and leaves ordinary words alone', () => {
    const out = anonymise('老东家宏达建材拖欠工资三个月，依据劳动合同法第三十条。', {
      people: [],
      employers: ['宏达建材'],
    });
    expect(out).toBe('老东家某单位拖欠工资三个月，依据劳动合同法第三十条。');
  });

  it('removes phones and ID numbers however they are written (the detector views mask with)', () => {
    const out = anonymise(
      '电话 138-1234-5678、+86 139 1234 5678、１３７１２３４５６７８，身份证 110105 19491231 002X',
      {
        people: [],
      },
    );
    expect(out).toBe('电话 [手机号]、[手机号]、[手机号]，身份证 [身份证号]');
  });
});
