import { describeExpressionError, ExpressionError } from './errors.ts';
import { parseExpression } from './parser.ts';
import type { RawCondition, RawDefinition } from './schema.ts';
import { referencesOf } from './tree.ts';
import { isAssignable, typecheck, type TypeEnv } from './typecheck.ts';
import { TYPE_NAMES, type ConditionDef, type DefinitionDef, type ExceptionDef, type Source, type TExpr, type ValueType } from './types.ts';
import type { YamlReader } from './yaml-reader.ts';

/**
 * Turns the rule parts of a policy (definitions with their exceptions, conditions, the amount)
 * into typed trees, ordering definitions so that each refers only to earlier ones.
 */

export type BasisResolver = (keys: string[], path: string) => Source[];

/** Parses and types one expression, recording a located Chinese problem instead of throwing. */
export function compileExpression(text: string, path: string, env: TypeEnv, reader: YamlReader, expected?: ValueType): TExpr | undefined {
  try {
    const typed = typecheck(parseExpression(text), env);
    if (expected && !isAssignable(expected, typed.type)) {
      reader.fail(path, `应得出${TYPE_NAMES[expected]}，公式却得出${TYPE_NAMES[typed.type]}：${text}`);
      return undefined;
    }
    return typed;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    reader.fail(path, describeExpressionError(error, text));
    return undefined;
  }
}

/** Builds the definitions in dependency order; exception bits are numbered across the policy. */
export function buildDefinitions(raws: RawDefinition[], env: TypeEnv, basis: BasisResolver, reader: YamlReader): DefinitionDef[] {
  const built = new Map<string, DefinitionDef>();
  let nextBit = 0;
  for (const raw of raws) {
    const formula = compileExpression(raw.formula, `${raw.path}.${raw.exceptions.length ? 'default' : 'formula'}`, env, reader, raw.type);
    const exceptions = raw.exceptions.map((exception): ExceptionDef | undefined => {
      const when = compileExpression(exception.when, `${exception.path}.when`, env, reader, 'bool');
      const value = compileExpression(exception.value, `${exception.path}.value`, env, reader, raw.type);
      if (!when || !value) return undefined;
      return { id: exception.id, bit: nextBit++, label: exception.label, priority: exception.priority, when, value, basis: basis(exception.basis, `${exception.path}.basis`) };
    });
    if (!formula || exceptions.some((exception) => !exception)) continue;
    // Highest priority first; equal priorities keep file order (they are checked to be disjoint).
    const ordered = (exceptions as ExceptionDef[]).slice().sort((a, b) => b.priority - a.priority);
    built.set(raw.name, { name: raw.name, label: raw.label, type: raw.type, unit: raw.unit, formula, basis: basis(raw.basis, `${raw.path}.basis`), exceptions: ordered });
  }
  if (nextBit > 23) reader.fail('definitions', `例外最多 23 个（解释码按位记录），这里有 ${nextBit} 个`);
  return orderDefinitions(built, raws, reader);
}

function dependenciesOf(definition: DefinitionDef): Set<string> {
  const trees = [definition.formula, ...definition.exceptions.flatMap((exception) => [exception.when, exception.value])];
  return new Set(trees.flatMap((tree) => [...referencesOf(tree).definitions]));
}

function orderDefinitions(built: Map<string, DefinitionDef>, raws: RawDefinition[], reader: YamlReader): DefinitionDef[] {
  const ordered: DefinitionDef[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    const definition = built.get(name);
    if (!definition || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      reader.fail(`definitions.${name}`, `中间量循环引用：${[...trail, name].join(' → ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const dependency of dependenciesOf(definition)) visit(dependency, [...trail, name]);
    state.set(name, 'done');
    ordered.push(definition);
  };
  for (const raw of raws) visit(raw.name, []);
  return ordered;
}

/** Builds the eligibility conditions, each a typed boolean tree with its legal basis. */
export function buildConditions(raws: RawCondition[], env: TypeEnv, basis: BasisResolver, reader: YamlReader): ConditionDef[] {
  if (raws.length === 0) reader.fail('conditions', '至少需要一个条件');
  if (raws.length > 250) reader.fail('conditions', '条件最多 250 个（解释码用 8 位记录条件序号）');
  const ids = new Set<string>();
  return raws.flatMap((raw, index): ConditionDef[] => {
    if (ids.has(raw.id)) reader.fail(`${raw.path}.id`, `条件编号重复：${raw.id}`);
    ids.add(raw.id);
    const when = compileExpression(raw.when, `${raw.path}.when`, env, reader, 'bool');
    return when ? [{ id: raw.id, index, label: raw.label, when, basis: basis(raw.basis, `${raw.path}.basis`) }] : [];
  });
}
