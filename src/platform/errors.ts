/**
 * One error type for the whole product (STYLE habit 6). A code maps to an HTTP status and a
 * default Chinese message; the HTTP error handler and the CLI both render it the same way.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '请求参数不正确' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '会话已过期，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  TOTP_REQUIRED: { status: 401, message: '该账号需要输入动态验证码' },
  TOTP_INVALID: { status: 401, message: '动态验证码错误或已过期' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  FORBIDDEN: { status: 403, message: '无权执行此操作' },
  PERSONAL_DATA_RIGHT_REQUIRED: { status: 403, message: '无权查看完整个人信息（需个人信息查看授权）' },
  NOT_FOUND: { status: 404, message: '对象不存在' },
  CONFLICT: { status: 409, message: '数据冲突' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '该 Idempotency-Key 已用于内容不同的请求，请换用新的幂等键' },
  USERNAME_TAKEN: { status: 409, message: '用户名已存在' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  ORIGIN_REFUSED: { status: 403, message: '请求来自其他网站，已拒绝：请在本系统页面内操作' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型，请使用 application/json' },
  REQUEST_TIMEOUT: { status: 503, message: '请求处理超时，请稍后重试' },
  CALENDAR_NOT_COVERED: { status: 422, message: '该年份不在官方工作日历覆盖范围内' },
  CALENDAR_FILE_INVALID: { status: 400, message: '节假日安排文件不正确' },
  INVALID_DATE: { status: 400, message: '日期格式应为 YYYY-MM-DD 且为真实日期' },
  INVALID_USCC: { status: 400, message: '统一社会信用代码不正确' },
  USCC_OVERRIDE_NOT_NEEDED: { status: 422, message: '该统一社会信用代码校验通过，无需登记人工核验例外' },
  USCC_OVERRIDE_NOT_ALLOWED: {
    status: 422,
    message: '只有校验位不符的统一社会信用代码可以登记人工核验例外；位数、字符或区划码错误的代码请更正后再录入',
  },
  INVALID_ID_NUMBER: { status: 400, message: '公民身份号码不正确' },
  INVALID_REGION: { status: 400, message: '地区代码不是江苏省现行行政区划代码' },
  IMPORT_HEADER_INVALID: { status: 400, message: '导入文件表头不正确' },
  IMPORT_FILE_UNREADABLE: { status: 400, message: '无法读取导入文件' },
  IMPORT_KIND_UNKNOWN: { status: 400, message: '不支持的导入类型' },
  IMPORT_FILE_TOO_LARGE: { status: 413, message: '导入文件超过大小上限' },
  WEAK_PASSWORD: { status: 400, message: '密码强度不足' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: '请先修改密码：密码已被管理员重置或仍是初始密码，修改后才能继续使用',
  },
  // The policy engine's own codes (src/policies/errors.ts), as the API answers them.
  POLICY_NOT_FOUND: { status: 404, message: '没有该编码的政策' },
  OPINION_TRANSITION_INVALID: { status: 409, message: '留言当前状态不能执行此操作' },
  OPINION_REPLY_REQUIRED: { status: 400, message: '请填写答复内容' },
  OPINION_NOT_HANDLING_OFFICE: { status: 403, message: '该留言已分派到承办地区，由承办单位办理' },
  OPINION_LINK_DECIDED: { status: 409, message: '该企业关联已确认或已排除' },
  POLICY_INVALID: { status: 422, message: '政策未通过加载检查（规则有空档、重叠或类型错误）' },
  CASES_INVALID: { status: 422, message: '测试案例文件不正确' },
  FACTS_INVALID: { status: 400, message: '事实数据不正确' },
  FACTS_NOT_AVAILABLE: { status: 422, message: '尚不能从数据库取得该企业的事实数据' },
  SCENARIO_INVALID: { status: 400, message: '沙盘参数不正确' },
  PARAMETER_ABOVE_CEILING: { status: 422, message: '参数取值超过政策文件规定的上限' },
  // 招聘专区: job seekers and their applications (src/modules/recruitment).
  CONTACT_REGISTERED: { status: 409, message: '该手机号或邮箱已注册，请直接登录' },
  VERIFICATION_CODE_INVALID: { status: 400, message: '验证码不正确' },
  VERIFICATION_CODE_EXPIRED: { status: 400, message: '验证码已失效，请重新获取' },
  APPLICATION_ALREADY_SUBMITTED: { status: 409, message: '您已投递过该岗位' },
  APPLICATION_TRANSITION_INVALID: { status: 409, message: '应聘当前状态不能执行此操作' },
  // 免申即享 / 直补快办 (src/modules/benefits).
  INVALID_STATE_TRANSITION: { status: 409, message: '案件当前状态不能执行该操作，或已被他人处理' },
  SEPARATION_OF_DUTIES: { status: 403, message: '审核与拨付须由不同账号办理：您已审核该案件，不能再发起拨付' },
  PUBLICITY_NOT_OVER: { status: 409, message: '公示期未满，不能拨付' },
  OBJECTION_OPEN: { status: 409, message: '公示异议尚未处理完毕，不能拨付' },
  NO_PAYABLE_CASES: { status: 409, message: '没有可拨付的案件' },
  PUBLICITY_CLOSED: { status: 409, message: '该公示不在公示期内，不能提出异议' },
  MATCH_RUN_BUSY: { status: 409, message: '该政策该期间的匹配正在进行，请等待完成' },
  OPINION_REQUIRED: { status: 422, message: '审核通过须填写审核意见（2–500 字）' },
  PREVIEW_REQUIRED: { status: 422, message: '涉及资金的操作须先预览并确认' },
  PREVIEW_CHANGED: { status: 409, message: '预览后所选案件已有变化，未执行。请重新预览并确认' },
  OUTBOX_NOT_FAILED: { status: 409, message: '只有发送失败的消息可以重新发送' },
  // 即申即享 applications with materials (src/modules/benefits/applications/applications*.ts).
  APPLICATION_REQUIRED: { status: 422, message: '该政策须提交申请材料，不能一键确认：请上传申请材料后点击“提交申请”' },
  APPLICATION_NOT_NEEDED: { status: 422, message: '该政策为免申即享，无需提交申请材料，请直接确认申领' },
  APPLICATION_NOT_CANDIDATE: { status: 422, message: '按现有数据您单位尚不符合发起申请的条件' },
  BENEFIT_ALREADY_GRANTED: { status: 409, message: '同一待遇已由其他案件享受或正在办理，不能重复发放' },
  APPLICATION_INCOMPLETE: { status: 422, message: '申请材料不齐全' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: '文件超过大小上限' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: '该材料不接受这种文件类型' },
  ATTACHMENT_TYPE_MISMATCH: { status: 422, message: '文件内容与文件名所示类型不符' },
  ATTACHMENT_LOCKED: { status: 409, message: '申请材料已随申请提交，不能删除或再上传' },
  ATTACHMENT_LIMIT_REACHED: { status: 422, message: '该案件的申请材料文件数已达上限' },
  // 申报事实: values the applicant declares on its case (src/modules/benefits/applications/declared-facts*.ts).
  DECLARATION_NOT_ALLOWED: { status: 422, message: '该政策不接受企业申报事实' },
  DECLARATION_INCOMPLETE: { status: 422, message: '还有人员未申报所需事实' },
  DECLARATION_INELIGIBLE: { status: 422, message: '按申报的数据不符合政策条件' },
  // 服务专员 and enterprise requests (src/modules/governance).
  CONTACT_CAP_REACHED: { status: 422, message: '无事不扰：本月主动联系该企业的次数已达上限' },
  REQUEST_STATE_INVALID: { status: 409, message: '诉求当前状态不能执行该操作，或已被他人处理' },
  REQUEST_REOPEN_USED: { status: 409, message: '每件诉求只能申请重新办理一次' },
  PLAN_ALREADY_REVIEWED: { status: 409, message: '该版本实施方案已审核' },
  COLLECTION_NOT_APPROVED: { status: 422, message: '该调查没有有效的统计调查批准文号，不得向企业发出或收集数据' },
  // 劳动关系 (src/modules/labour).
  COMPENSATION_NOT_APPLICABLE: {
    status: 422,
    message: '该情形不适用本计算器（2008年1月1日前的工作年限按当时规定计算）',
  },
  AVERAGE_WAGE_NOT_LOADED: { status: 422, message: '该地区上年度职工月平均工资尚未载入，无法核对三倍封顶' },
  CONFIG_INVALID: { status: 500, message: '配置不正确' },
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库暂不可用' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试或联系管理员' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The wire shape of an error (SPEC §5); 5xx never carry details. */
export function toErrorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined && error.status < 500) body.error.details = error.details;
  return body;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
