import { parseInline, parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('should read headings, lists, paragraphs and tables of an import report', () => {
    const blocks = parseMarkdown(
      [
        '# 导入报告：武汉市东西湖区人力资源和社会保障局（031）2025 年部门预算',
        '',
        '## 概要',
        '',
        '- 识别到 13 张表；缺失：无',
        '- 项目：表10 共 12 个',
        '',
        '| # | 位置 | 处理 |',
        '| --- | --- | --- |',
        '| 1 | 表11 · 「补贴发放人数 \\| 完成市级下达任务」 | 已还原 |',
        '',
        '所有金额单位为万元，',
        '按原文导入。',
      ].join('\n'),
    );

    expect(blocks).toEqual([
      {
        kind: 'heading',
        level: 1,
        content: [{ text: '导入报告：武汉市东西湖区人力资源和社会保障局（031）2025 年部门预算' }],
      },
      { kind: 'heading', level: 2, content: [{ text: '概要' }] },
      {
        kind: 'list',
        ordered: false,
        items: [[{ text: '识别到 13 张表；缺失：无' }], [{ text: '项目：表10 共 12 个' }]],
      },
      {
        kind: 'table',
        header: [[{ text: '#' }], [{ text: '位置' }], [{ text: '处理' }]],
        rows: [
          [[{ text: '1' }], [{ text: '表11 · 「补贴发放人数 | 完成市级下达任务」' }], [{ text: '已还原' }]],
        ],
      },
      { kind: 'paragraph', content: [{ text: '所有金额单位为万元， 按原文导入。' }] },
    ]);
  });

  it('should keep a fenced block as it is, and pad short table rows', () => {
    const blocks = parseMarkdown('```\n<b>raw</b>\n```\n| a | b |\n|---|---|\n| 1 |');

    expect(blocks).toEqual([
      { kind: 'code', text: '<b>raw</b>' },
      { kind: 'table', header: [[{ text: 'a' }], [{ text: 'b' }]], rows: [[[{ text: '1' }], []]] },
    ]);
  });

  it('should read numbered lists', () => {
    expect(parseMarkdown('1. 一\n2. 二')).toEqual([
      { kind: 'list', ordered: true, items: [[{ text: '一' }], [{ text: '二' }]] },
    ]);
  });
});

describe('parseInline', () => {
  it('should split bold and code runs from plain text', () => {
    expect(parseInline('共 **24** 项，见 `progress-report`')).toEqual([
      { text: '共 ' },
      { text: '24', strong: true },
      { text: ' 项，见 ' },
      { text: 'progress-report', code: true },
    ]);
  });
});
