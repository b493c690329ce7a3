import { Type } from '@sinclair/typebox';
import { PageOf } from '../../platform/http/schemas.ts';
import { MATCH_RUN_STATUSES, OBJECTION_STATUSES } from './benefits.table.ts';
import { CASE_STATES } from './cases/case-states.ts';

/** TypeBox schemas of the benefits API. */

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: '^[\\x21-\\x7e]+$',
    description: '幂等键：同键同内容重放原结果，同键不同内容返回 409',
  }),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const StateSchema = Type.Union(CASE_STATES.map((s) => Type.Literal(s)));
const NullableState = Type.Union([StateSchema, Type.Null()]);

/** A match run's status (benefit_match_runs.status). */
export const MatchRunStatus = Type.Union(MATCH_RUN_STATUSES.map((s) => Type.Literal(s)));

export const ReviewClock = Type.Object({
  started_on: Type.String(),
  deadline: Type.String(),
  limit_workdays: Type.Integer({ description: '该案件适用的审核时限（工作日）' }),
  days_left: Type.Integer(),
  is_warning: Type.Boolean(),
  is_overdue: Type.Boolean(),
  is_provisional: Type.Boolean({ description: '截止日暂按周一至周五推算（所经年份的节假日安排尚未录入）' }),
  provisional_year: NullableInt,
});

export const CaseItem = Type.Object({
  id: Type.Integer(),
  policy: Type.String(),
  period: Type.String(),
  uscc: Type.String(),
  enterprise_name: Type.String(),
  region_code: Type.String(),
  city_code: Type.String(),
  state: StateSchema,
  state_label: Type.String(),
  amount_fen: Type.Integer(),
  amount_yuan: Type.String(),
  rerun_amount_fen: NullableInt,
  is_amount_changed: Type.Boolean(),
  awaiting_declaration: Type.Integer({ description: '待申报人数（申报事实）；0 表示无' }),
  reason: Nullable(Type.String()),
  publicity_from: Nullable(Type.String()),
  publicity_until: Nullable(Type.String()),
  is_publicity_provisional: Type.Boolean({ description: '公示截止日暂按周一至周五推算' }),
  review_clock: Type.Union([ReviewClock, Type.Null()]),
  run_id: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const CaseDetail = Type.Intersect([
  CaseItem,
  Type.Object({
    explanation: Type.Array(Type.String()),
    bank: Type.Union([
      Type.Object({
        bank_name: Type.String(),
        bank_account: Nullable(Type.String()),
        account_holder: Nullable(Type.String()),
      }),
      Type.Null(),
    ]),
    history: Type.Array(
      Type.Object({
        from: Nullable(Type.String()),
        to: Type.String(),
        actor: Nullable(Type.String()),
        note: Nullable(Type.String()),
        at: Type.String(),
      }),
    ),
    duplicate_of: Type.Union([
      Type.Integer({ description: '持有同一待遇的较早案件（核定待遇标识时发现的重复案件）' }),
      Type.Null(),
    ]),
    benefit_identity: Type.Object({
      label: Type.String({ description: '本政策“同一待遇”的口径，如 企业 × 返还年度' }),
      note: Nullable(Type.String()),
      held: Type.Integer({ description: '本案件持有的待遇标识数（每项只能发放一次）' }),
    }),
  }),
]);

export const CasePage = PageOf(CaseItem);

export const CaseQuery = Type.Object({
  policy: Type.Optional(Type.String({ maxLength: 64 })),
  state: Type.Optional(StateSchema),
  region: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  run: Type.Optional(Type.Integer({ minimum: 1 })),
  overdue: Type.Optional(Type.Boolean({ description: '只看已超过审核时限的案件' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});

export const StateAnswer = Type.Object({ id: Type.Integer(), state: StateSchema });

export const ConfirmBody = Type.Object(
  {
    bank_name: Type.String({ minLength: 2, maxLength: 100, description: '开户银行' }),
    bank_account: Type.String({ minLength: 8, maxLength: 40, description: '银行账号' }),
    account_holder: Type.String({ minLength: 2, maxLength: 200, description: '账户名称（应与企业名称一致）' }),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);

const Opinion = Type.String({ maxLength: 500, description: '审核意见（审核通过必填，2–500 字，记入案件办理记录）' });
const Confirmation = {
  preview_token: Type.Optional(
    Type.String({
      maxLength: 200,
      description: '预览返回的确认码：执行时与当前情况比对，有变化则拒绝（PREVIEW_CHANGED）',
    }),
  ),
  expected_total_fen: Type.Optional(
    Type.Integer({ description: '或：预览所见的合计金额（分），所列案件须全部仍可办理且合计一致' }),
  ),
};

export const ApproveBody = Type.Object(
  {
    opinion: Type.Optional(Opinion),
    expected_amount_fen: Type.Optional(Type.Integer({ description: '确认时所见的案件金额（分）；金额已变则拒绝' })),
  },
  { additionalProperties: false },
);

const CaseIds = Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000 });
export const BulkPreviewBody = Type.Object({ case_ids: CaseIds }, { additionalProperties: false });
export const BulkApproveBody = Type.Object(
  { case_ids: CaseIds, opinion: Type.Optional(Opinion), ...Confirmation },
  { additionalProperties: false },
);

/** The preview of a money step: cases with masked accounts, the total, and the token to confirm it with. */
export const MoneyPreview = Type.Object({
  count: Type.Integer(),
  total_fen: Type.Integer(),
  total_yuan: Type.String(),
  token: Type.String({ description: '确认码：执行时原样带上' }),
  cases: Type.Array(
    Type.Object({
      id: Type.Integer(),
      policy: Type.String(),
      period: Type.String(),
      uscc: Type.String(),
      enterprise_name: Type.String(),
      amount_fen: Type.Integer(),
      amount_yuan: Type.String(),
      bank_name: Nullable(Type.String()),
      bank_account: Nullable(Type.String({ description: '收款账号（仅末四位）' })),
      account_holder: Nullable(Type.String()),
    }),
  ),
  skipped: Type.Array(Type.Object({ id: Type.Integer(), reason: Type.String(), state: NullableState })),
});
export const BulkApproveAnswer = Type.Object({
  approved: Type.Integer(),
  results: Type.Array(Type.Object({ id: Type.Integer(), state: NullableState, skipped: Nullable(Type.String()) })),
});

export const MatchRunBody = Type.Object(
  {
    policy: Type.String({ minLength: 1, maxLength: 64 }),
    period: Type.String({ pattern: '^\\d{4}(\\d{2})?$', description: '期间 YYYY 或 YYYYMM' }),
  },
  { additionalProperties: false },
);

const Count = Type.Optional(Type.Integer());

/** What a finished match run counted (a run of one enterprise's own application counts that enterprise). */
export const MatchRunSummary = Type.Object({
  scope: Type.Optional(Type.Literal('enterprise', { description: '企业自行申请时为 enterprise' })),
  uscc: Type.Optional(Type.String()),
  enterprises_evaluated: Count,
  rows_evaluated: Count,
  rows_excluded_already_granted: Count,
  candidates: Count,
  candidates_new: Count,
  candidates_already_granted: Count,
  candidates_unchanged: Count,
  amount_changed: Count,
  amount_new_fen: Count,
  awaiting_declaration: Count,
  timings_ms: Type.Optional(
    Type.Object({
      sql: Type.Optional(Type.Integer()),
      evaluate: Type.Optional(Type.Integer()),
      write: Type.Optional(Type.Integer()),
    }),
  ),
});

export const MatchRun = Type.Object({
  id: Type.Integer(),
  policy: Type.String(),
  version_no: Type.Integer(),
  period: Type.String(),
  date: Type.String(),
  snapshot: Type.Record(Type.String(), Type.Integer()),
  status: MatchRunStatus,
  phase: Type.String(),
  summary: Type.Union([MatchRunSummary, Type.Null()]),
  error: Nullable(Type.String()),
  started_at: Type.String(),
  finished_at: Nullable(Type.String()),
});

export const MatchRunQuery = Type.Object({
  policy: Type.Optional(Type.String({ maxLength: 64, description: '政策代码' })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export const MatchRunPage = PageOf(MatchRun);

const PayableIds = Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000 }));
export const PaymentPreviewBody = Type.Object({ case_ids: PayableIds }, { additionalProperties: false });
export const PaymentBatchBody = Type.Object({ case_ids: PayableIds, ...Confirmation }, { additionalProperties: false });
export const PaymentBatch = Type.Object({
  id: Type.Integer(),
  file_name: Type.String(),
  sha256: Type.String(),
  payments: Type.Integer(),
  total_fen: Type.Integer(),
  total_yuan: Type.String(),
  case_ids: Type.Array(Type.Integer()),
});

export const PaymentBatchPage = PageOf(
  Type.Object({
    id: Type.Integer(),
    file_name: Type.String(),
    sha256: Type.String(),
    payments: Type.Integer(),
    total_fen: Type.Integer(),
    total_yuan: Type.String(),
    created_by: Nullable(Type.String()),
    created_at: Type.String(),
    file_url: Nullable(Type.String({ description: '指令文件下载地址（仅可下载的角色）' })),
  }),
);

export const PublicNotice = Type.Object({
  id: Type.Integer(),
  policy: Type.String(),
  period: Type.String(),
  enterprise_name: Type.String(),
  city_code: Type.String(),
  amount_fen: Type.Integer(),
  amount_yuan: Type.String(),
  publicity_from: Type.String(),
  publicity_until: Type.String(),
});

export const ObjectionBody = Type.Object(
  { text: Type.String({ minLength: 5, maxLength: 2000, description: '异议内容（请勿填写身份证号等个人信息）' }) },
  { additionalProperties: false },
);
export const ObjectionText = Type.Object({
  id: Type.Integer(),
  text: Type.String({ description: '异议全文（未遮蔽；每次查看均审计）' }),
});
export const ObjectionStatus = Type.Union(OBJECTION_STATUSES.map((s) => Type.Literal(s)));
export const ObjectionAnswer = Type.Object({ id: Type.Integer(), case_id: Type.Integer(), status: ObjectionStatus });
export const ObjectionQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('resolved')], {
      description: 'open 待处理；resolved 已处理（成立或不成立）',
    }),
  ),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export const ObjectionPage = PageOf(
  Type.Object({
    id: Type.Integer(),
    case_id: Type.Integer(),
    policy: Type.String(),
    period: Type.String(),
    enterprise_name: Type.String(),
    region_code: Type.String(),
    city_code: Type.String(),
    amount_fen: Type.Integer(),
    amount_yuan: Type.String(),
    case_state: StateSchema,
    text: Type.String({ description: '异议内容（身份证号、手机号已遮盖）' }),
    filed_at: Type.String(),
    status: ObjectionStatus,
    resolution: Nullable(Type.String()),
    resolved_at: Nullable(Type.String()),
  }),
);
export const ResolveBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('upheld'), Type.Literal('dismissed')]),
    resolution: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

const LedgerRow = Type.Object({
  policy_code: Type.String(),
  region_code: Type.String(),
  region_name: Type.String({ description: '地区名称（县级带所属市，如 南京市江宁区）' }),
  month: Type.String(),
  debit_fen: Type.Integer(),
  credit_fen: Type.Integer(),
  released_fen: Type.Integer(),
  settled_fen: Type.Integer(),
  instructed_fen: Type.Integer(),
  paid_fen: Type.Integer(),
  payments: Type.Integer(),
  difference_fen: Type.Integer(),
  unreleased_fen: Type.Integer(),
  unsettled_fen: Type.Integer(),
});
export const Reconciliation = Type.Object({
  balanced: Type.Boolean(),
  total: Type.Object({ debit_fen: Type.Integer(), credit_fen: Type.Integer(), paid_fen: Type.Integer() }),
  rows: Type.Array(LedgerRow),
  differences: Type.Array(LedgerRow),
  anomalies: Type.Object({
    unbooked_payments: Type.Array(Type.Integer()),
    settled_but_not_paid: Type.Array(Type.Integer()),
  }),
});

export const TimeLimitsAnswer = Type.Object({
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      key: Type.Union([
        Type.Literal('review_workdays'),
        Type.Literal('review_warning_workdays'),
        Type.Literal('publicity_workdays'),
      ]),
      label: Type.String(),
      unit: Type.String(),
      from: Type.String({ description: '生效日期' }),
      value: Type.Integer(),
      source: Type.String(),
    }),
  ),
});

export const OverdueAnswer = Type.Object({
  today: Type.String(),
  items: Type.Array(
    Type.Object({
      city_code: Type.String(),
      overdue: Type.Integer(),
      provisional: Type.Integer({ description: '其中截止日暂按周一至周五推算的案件数' }),
    }),
  ),
});
