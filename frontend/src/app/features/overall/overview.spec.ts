import { readOverview } from './overview';

describe(readOverview.name, () => {
  it('should read the functions, tasks and funds of 表11', () => {
    const overview = readOverview({
      moneyUnit: '万元',
      overall: {
        functions: '(1) 全面落实积极的就业政策',
        annualTasks: '1：维护就业稳定',
        funds: {
          income: [
            { item: '财政拨款', amount: 8198.82, share: 67.21, history: [{ year: 2023, amount: 14638.21 }] },
            { item: '合计', amount: 12198.82, share: null, history: [{ year: 2023, amount: null }] },
          ],
          expenditure: [{ item: '人员类项目支出', amount: 1688.07, share: 13.84 }],
        },
      },
    });

    expect(overview).toEqual({
      moneyUnit: '万元',
      functions: '(1) 全面落实积极的就业政策',
      annualTasks: '1：维护就业稳定',
      income: [
        { item: '财政拨款', amount: 8198.82, share: 67.21, history: [{ year: 2023, amount: 14638.21 }] },
        { item: '合计', amount: 12198.82, share: null, history: [{ year: 2023, amount: null }] },
      ],
      expenditure: [{ item: '人员类项目支出', amount: 1688.07, share: 13.84, history: [] }],
    });
  });

  it.each([null, undefined, {}, { overall: 'text' }, { overall: { funds: { income: 'none' } } }])(
    'should read nothing, without failing, from %p',
    (value) => {
      expect(readOverview(value as never)).toEqual({
        moneyUnit: null,
        functions: null,
        annualTasks: null,
        income: [],
        expenditure: [],
      });
    },
  );
});
