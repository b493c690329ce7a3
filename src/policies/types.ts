import type { BenefitIdentity } from './benefit-identity.ts';
import type { DeclaredFactDef } from './declared-facts.ts';
import type { AttachmentRequirement, Delivery } from './delivery.ts';

/**
 * The shapes of the policy engine: the expression syntax tree, its typed form, and a loaded
 * policy. A policy is data (policies/<code>/policy.yaml) turned into these structures once,
 * at load time; both evaluators only read them.
 */

/** The types of the expression language; money is integer fen, percent a fraction. */
export const VALUE_TYPES = ['number', 'money', 'percent', 'date', 'bool', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** Chinese names of the types, for error messages. */
export const TYPE_NAMES: Record<ValueType, string> = {
  number: '数值',
  money: '金额',
  percent: '百分比',
  date: '日期',
  bool: '是非值',
  text: '文本',
};

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '=' | '!=' | 'and' | 'or';

/** Untyped syntax tree as parsed; `pos` is the 0-based offset in the expression text. */
export type Expr =
  | { kind: 'literal'; type: ValueType; value: number | string; text: string; pos: number }
  | { kind: 'name'; name: string; pos: number }
  | { kind: 'index'; target: Expr; key: Expr; pos: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'in'; operand: Expr; items: Expr[]; negated: boolean; pos: number }
  | { kind: 'call'; name: string; args: Expr[]; pos: number }
  | { kind: 'if'; cond: Expr; then: Expr; otherwise: Expr; pos: number };

export type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'mul_money' | 'div_money';
export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!=';
export type FunctionName = 'min' | 'max' | 'round_half_up' | 'year' | 'age_on' | 'add_months';

/** Typed, resolved tree produced by the type checker; evaluators switch on `k`. */
export type TExpr =
  | { k: 'const'; type: ValueType; value: number | string; pos: number }
  | { k: 'fact'; type: ValueType; name: string; bit: number; pos: number }
  | { k: 'param'; type: ValueType; name: string; pos: number }
  | { k: 'table'; type: ValueType; name: string; keys: TExpr[]; pos: number }
  | { k: 'def'; type: ValueType; name: string; pos: number }
  | { k: 'eval_date'; type: 'date'; pos: number }
  | { k: 'neg'; type: ValueType; operand: TExpr; pos: number }
  | { k: 'arith'; type: ValueType; op: ArithOp; left: TExpr; right: TExpr; pos: number }
  | { k: 'cmp'; type: 'bool'; op: CompareOp; left: TExpr; right: TExpr; pos: number }
  | { k: 'text_in'; type: 'bool'; operand: TExpr; items: string[]; negated: boolean; pos: number }
  | { k: 'not'; type: 'bool'; operand: TExpr; pos: number }
  | { k: 'logic'; type: 'bool'; op: 'and' | 'or'; left: TExpr; right: TExpr; pos: number }
  | { k: 'call'; type: ValueType; fn: FunctionName; args: TExpr[]; digits: number; pos: number }
  | { k: 'if'; type: ValueType; cond: TExpr; then: TExpr; otherwise: TExpr; pos: number };

/** A cited source: 文号 and clause, or a URL text marked secondary when only a copy was seen. */
export interface Source {
  key: string;
  doc: string;
  title?: string;
  clause?: string;
  issuer?: string;
  url?: string;
  secondary: boolean;
  /** Drafting notes on the source (why it is second-hand, what is still to be checked): officials only. */
  note?: string;
  sourceQuality?: string;
}

/** A named input the policy needs, supplied per enterprise or person (later: computed in SQL). */
export interface FactDef {
  name: string;
  bit: number;
  label: string;
  type: ValueType;
  unit?: string;
  description: string;
  values?: readonly string[];
}

/** One dated, regional value of a parameter; `value` is a flat table for indexed parameters. */
export interface ParamValue {
  from: string;
  fromDay: number;
  to?: string;
  toDay: number;
  region: string;
  value: number | number[];
  source: Source;
  isScenario: boolean;
}

export interface ParamDef {
  name: string;
  label: string;
  type: ValueType;
  unit?: string;
  /** Enumerated facts whose values index a table parameter, outermost first. */
  indexedBy: string[];
  keys: readonly (readonly string[])[];
  values: ParamValue[];
  /** The highest value the parameter may take, cited; values above it are refused at load and at edit. */
  ceiling?: { value: number; source: Source };
}

export interface ExceptionDef {
  id: string;
  bit: number;
  label: string;
  priority: number;
  when: TExpr;
  value: TExpr;
  basis: Source[];
}

/** A named intermediate value: a formula, or a default with labelled exceptions (Catala style). */
export interface DefinitionDef {
  name: string;
  label: string;
  type: ValueType;
  unit?: string;
  formula: TExpr;
  basis: Source[];
  /** Highest priority first; the first whose condition holds replaces the formula. */
  exceptions: ExceptionDef[];
}

export interface ConditionDef {
  id: string;
  index: number;
  label: string;
  when: TExpr;
  basis: Source[];
}

export interface AmountDef {
  label: string;
  formula: TExpr;
  basis: Source[];
}

export interface Policy {
  code: string;
  name: string;
  version: string;
  summary: string;
  issuer: string;
  subject: string;
  scope: string[];
  valid: { from: string; to: string; fromDay: number; toDay: number };
  legalBasis: Source[];
  sources: Map<string, Source>;
  facts: FactDef[];
  factsByName: Map<string, FactDef>;
  parameters: Map<string, ParamDef>;
  /** In dependency order: each definition only refers to earlier ones. */
  definitions: DefinitionDef[];
  conditions: ConditionDef[];
  amount: AmountDef;
  /** exempt (免申即享: confirm in one click) or application (submit the listed materials). */
  delivery: Delivery;
  attachments: AttachmentRequirement[];
  /** Facts the applicant declares on its case, each proved by listed materials (application only). */
  declaredFacts: DeclaredFactDef[];
  /** What one benefit is: the key the database pays once (benefit-identity.ts). */
  benefitIdentity: BenefitIdentity;
  file: string;
  contentSha256: string;
}
