/** 填报 grid helpers: deviation fields per row, paste from Excel, "same as last month". Section `entry.grid`. */
export const ENTRY_GRID_MESSAGES = {
  details: {
    open: '填写原因与佐证',
    close: '收起',
    // Accessible names start with the visible text (WCAG 2.5.3), then say which indicator.
    openLabel: (indicator: string): string => `填写原因与佐证：${indicator}`,
    closeLabel: (indicator: string): string => `收起：${indicator}的偏差原因、纠偏措施与佐证`,
    required: '请说明偏差原因与纠偏措施',
  },
  paste: {
    hint: '可从 Excel 复制一列或相邻几列（完成值、全年预计、完成可能性），在某行的完成值或全年预计格中粘贴，自该行起逐行填入；保存前先核对预览。',
    region: '粘贴预览',
    title: (cells: number, rows: number): string => `已填入 ${cells} 项（${rows} 行），请核对高亮的单元格`,
    carryTitle: (rows: number): string => `已按上次填报填入 ${rows} 行，请核对高亮的单元格`,
    errors: (count: number): string => `${count} 项无法保存，确认后请按提示修改`,
    warnings: (count: number): string => `${count} 项有提醒，请核对`,
    allFine: '所有填入的值都可以保存',
    extraLines: (count: number): string => `超出指标行数的 ${count} 行未填入`,
    extraColumns: (count: number): string => `“完成可能性”右侧的 ${count} 列未填入`,
    notApplied: '未填入',
    problem: (indicator: string, field: string, message: string): string =>
      `${indicator} · ${field}：${message}`,
    confirm: '确认填入',
    cancel: '取消，恢复原值',
    pending: '请先确认或取消预览中的填入',
    nothing: '粘贴的内容中没有可填入的值',
    likelihoodInvalid: (value: string): string => `“${value}”不是完成可能性（确定能 / 有可能 / 完全不可能）`,
  },
  sameAsLast: {
    button: '同上月',
    label: (indicator: string, period: string, value: string, cumulative: boolean): string =>
      `“${indicator}”同上月：沿用${period}的完成值 ${value}${cumulative ? '（累计值不变，即本月无新增）' : '（与上月持平）'}`,
    all: (count: number): string => `未填的 ${count} 行同上月`,
    allHint: '把本月未填的行按上次填报的值填入（累计数即本月无新增），确认前可核对或取消',
  },
};
