import { citeSources, explainCode } from './codes.ts';
import type { Evaluation, Trace } from './evaluate.ts';
import { formatValue, renderComparison, renderExpr, type RenderContext } from './render.ts';
import { referencesOf } from './tree.ts';
import type { ConditionDef, DefinitionDef, Policy, Source, TExpr } from './types.ts';

/**
 * Plain-Chinese explanation of one evaluation (看得清、算得明): how each intermediate figure was
 * computed, each condition with its numbers and legal basis, then the amount formula, e.g.
 * “上年度裁员率 3.2% ≤ 5.5%（人社部发〔2024〕40号）” and
 * “→ 返还 = 上年失业保险缴费 80,000.00 元 × 60% = 48,000.00 元（人社部发〔2024〕40号）”.
 */

/** The explanation lines of an evaluation. */
export function explainEvaluation(evaluation: Evaluation): string[] {
  const { policy, trace } = evaluation;
  if (!trace) return explainCode(policy, evaluation.outcome, evaluation.code);
  const ctx: RenderContext = { policy, values: trace.values, definitions: trace.definitions, digits: 2 };
  const scenario = scenarioLines(policy, trace);
  if (evaluation.outcome === 'undetermined') return [...scenario, ...explainUndetermined(evaluation, trace, ctx)];
  if (evaluation.outcome === 'ineligible') {
    const condition = policy.conditions[evaluation.failed?.index ?? -1] as ConditionDef;
    return [...scenario, ...derivationLines([condition.when], evaluation, ctx), `不符合：${conditionText(condition, ctx, true)}`];
  }
  const roots = [...policy.conditions.map((condition) => condition.when), policy.amount.formula];
  return [
    ...scenario,
    ...derivationLines(roots, evaluation, ctx),
    ...policy.conditions.map((condition) => conditionText(condition, ctx, false)),
    amountLine(policy, trace, ctx),
  ];
}

function citation(basis: Source[]): string {
  return basis.length > 0 ? `（${citeSources(basis)}）` : '';
}

function conditionText(condition: ConditionDef, ctx: RenderContext, isFailed: boolean): string {
  const when = condition.when;
  const body = when.k === 'cmp' ? renderComparison(when, ctx, isFailed) : `${condition.label}：${renderExpr(when, ctx)}`;
  return `${body}${citation(condition.basis)}`;
}

function amountLine(policy: Policy, trace: Trace, ctx: RenderContext): string {
  const formula = renderExpr(policy.amount.formula, ctx);
  const result = formatValue('money', trace.amount);
  return `→ ${policy.amount.label} = ${formula === result ? result : `${formula} = ${result}`}${citation(policy.amount.basis)}`;
}

/** Lines showing how the definitions used by the given trees were computed, in dependency order. */
function derivationLines(roots: TExpr[], evaluation: Evaluation, ctx: RenderContext): string[] {
  const used = usedDefinitions(roots, evaluation.policy);
  const lines: string[] = [];
  for (const definition of evaluation.policy.definitions) {
    // A figure left unknown did not decide this outcome (Kleene); listing it would only confuse.
    if (!used.has(definition.name) || ctx.definitions.get(definition.name)?.m !== 0) continue;
    if (definition.exceptions.length > 0) {
      lines.push(...exceptionLines(definition, evaluation, ctx));
    } else if (definition.type !== 'bool' && !isLeaf(definition.formula)) {
      const value = formatValue(definition.type, ctx.definitions.get(definition.name), definition.unit);
      lines.push(`${definition.label} = ${renderExpr(definition.formula, ctx)} = ${value}${citation(definition.basis)}`);
    }
  }
  return lines;
}

function scenarioLines(policy: Policy, trace: Trace): string[] {
  return [...trace.parameters.entries()]
    .filter(([, value]) => value.isScenario)
    .map(([name, value]) => {
      const param = policy.parameters.get(name);
      const shown = Array.isArray(value.value) ? '（表格）' : formatValue(param?.type ?? 'number', { v: value.value, m: 0 }, param?.unit);
      return `沙盘假设：${param?.label ?? name} = ${shown}（地区 ${value.region}，自 ${value.from}；非现行政策，仅供测算）`;
    });
}

function exceptionLines(definition: DefinitionDef, evaluation: Evaluation, ctx: RenderContext): string[] {
  return definition.exceptions
    .filter((exception) => evaluation.exceptions.includes(exception))
    .map((exception) => {
      const value = formatValue(definition.type, ctx.definitions.get(definition.name), definition.unit);
      return `适用例外「${exception.label}」：${renderExpr(exception.when, ctx)} → ${definition.label} ${value}${citation(exception.basis)}`;
    });
}

function usedDefinitions(roots: TExpr[], policy: Policy): Set<string> {
  const used = new Set<string>();
  const pending = roots.flatMap((root) => [...referencesOf(root).definitions]);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (used.has(name)) continue;
    used.add(name);
    const definition = policy.definitions.find((d) => d.name === name);
    const trees = definition ? [definition.formula, ...definition.exceptions.flatMap((e) => [e.when, e.value])] : [];
    pending.push(...trees.flatMap((tree) => [...referencesOf(tree).definitions]));
  }
  return used;
}

function isLeaf(expr: TExpr): boolean {
  return expr.k === 'fact' || expr.k === 'param' || expr.k === 'const' || expr.k === 'def';
}

function explainUndetermined(evaluation: Evaluation, trace: Trace, ctx: RenderContext): string[] {
  const lines = evaluation.missing.map((fact) => `缺少数据：${fact.label}${fact.unit ? `（${fact.unit}）` : ''}——${fact.description}`);
  if (evaluation.divisionByZero) lines.push('无法计算：计算中出现除数为零，请核对数据');
  const pending = evaluation.policy.conditions.filter((condition) => trace.conditions[condition.index]?.m !== 0);
  lines.push(...pending.map((condition) => `待定条件：${condition.label}`));
  if (trace.amount.m !== 0) lines.push(`待定金额：${evaluation.policy.amount.label} = ${renderExpr(evaluation.policy.amount.formula, ctx)}`);
  return lines;
}
