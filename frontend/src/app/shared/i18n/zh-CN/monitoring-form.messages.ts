/** The official monitoring form (执行监控表) downloads. Section `monitoringForm`. */
export const MONITORING_FORM_MESSAGES = {
  label: (span: string): string => `${span}执行监控表`,
  xlsx: '执行监控表（Excel）',
  docx: '执行监控表（Word）',
  workbook: '全部执行监控表（Excel）',
  round: '快照执行监控表',
  /** Short labels of a rounds table row: a closed round's snapshot, an open round's current data. */
  roundShort: '快照',
  liveRound: '当前数据',
  hint: (span: string): string => `下载 ${span} 项目支出绩效目标执行监控表（财政部门格式）`,
  roundHint: '导出该轮次关闭时的填报快照，之后的修改不影响',
  span: (month: number): string => (month === 1 ? '1月' : `1–${month}月`),
  failed: (reason: string): string => `执行监控表下载失败：${reason}`,
};
