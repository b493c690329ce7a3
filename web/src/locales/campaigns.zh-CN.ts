/** Messages of the 引才活动 pages (campaigns, their hires and the home-province report), merged into zh-CN.ts. */
export const campaignsZhCN = {
  'campaigns.hire.actions': '操作',
  'campaigns.hire.correct': '更正',
  'campaigns.hire.remove': '删除',
  'campaigns.hire.removeConfirm': '删除这条录用记录？户籍省份统计随之减少，操作留痕。',
  'campaigns.hire.removed': '已删除录用记录',
  'campaigns.hire.corrected': '已更正录用记录',
  'campaigns.hire.correctTitle': '更正录用人员 {name}',
  'campaigns.hire.correctHint':
    '身份证号与姓名不显示：只有要更正时才重新填写（户籍省份按新身份证号更新），留空则不变。',
  'campaigns.hire.newIdNumber': '更正后的公民身份号码（不改请留空）',
  'campaigns.hire.newName': '更正后的姓名（不改请留空）',
  'campaigns.hire.uscc': '录用企业统一社会信用代码',
  'campaigns.hire.hiredOn': '录用日期',
  'campaigns.hire.save': '保存更正',
  'campaigns.hire.cancel': '取消',
  'campaigns.hire.required': '请填写{field}',
  'campaigns.hire.dateFormat': 'YYYY-MM-DD',
} as const;
