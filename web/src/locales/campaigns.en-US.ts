import type { campaignsZhCN } from './campaigns.zh-CN.ts';

/** English for the 引才活动 pages. */
export const campaignsEnUS: Record<keyof typeof campaignsZhCN, string> = {
  'campaigns.hire.actions': 'Actions',
  'campaigns.hire.correct': 'Correct',
  'campaigns.hire.remove': 'Remove',
  'campaigns.hire.removeConfirm': 'Remove this hire? The home-province counts drop with it; the removal is audited.',
  'campaigns.hire.removed': 'Hire removed',
  'campaigns.hire.corrected': 'Hire corrected',
  'campaigns.hire.correctTitle': 'Correct the hire of {name}',
  'campaigns.hire.correctHint':
    'The ID number and name are never shown: enter them again only to correct them (the home province follows the new ID number); left empty they stay.',
  'campaigns.hire.newIdNumber': 'Corrected ID number (empty: unchanged)',
  'campaigns.hire.newName': 'Corrected name (empty: unchanged)',
  'campaigns.hire.uscc': 'Employer credit code',
  'campaigns.hire.hiredOn': 'Hired on',
  'campaigns.hire.save': 'Save correction',
  'campaigns.hire.cancel': 'Cancel',
  'campaigns.hire.required': 'Please fill in {field}',
  'campaigns.hire.dateFormat': 'YYYY-MM-DD',
};
