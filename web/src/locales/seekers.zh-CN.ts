/** Messages of the job-seeker, application and job-fair pages (招聘专区), merged into zh-CN.ts. */
export const seekersZhCN = {
  'menu.seekerRegister': '求职者注册',
  'login.seekerRegister': '求职者注册（手机号或邮箱）',
  'menu.seekerProfile': '我的档案',
  'menu.myApplications': '我的投递',
  'menu.applyToJob': '投递岗位',
  'menu.applicants': '应聘管理',
  'menu.regionApplications': '应聘情况',
  'menu.jobFairs': '专场招聘会',
  'menu.campaigns': '引才活动',
  'error.CONTACT_REGISTERED': '该手机号或邮箱已注册，请直接登录',
  'error.VERIFICATION_CODE_INVALID': '验证码不正确',
  'error.VERIFICATION_CODE_EXPIRED': '验证码已失效，请重新获取',
  'error.APPLICATION_ALREADY_SUBMITTED': '您已投递过该岗位',
  'error.APPLICATION_TRANSITION_INVALID': '应聘当前状态不能执行此操作',
} as const;
