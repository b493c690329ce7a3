import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { toNumber } from '../../db/convert.ts';
import { buildClassifier, type Classification, type Classifier } from './classify.ts';
import { buildLinker, type LinkResult, type Linker } from './linking.ts';
import { loadLinkingRules, loadTopicRules } from './opinion-rules.ts';
import { findRegionNames, findRegisterFingerprint, findRegisterForLinking } from './opinion.repository.ts';
import { wordBoundaries } from './segmentation.ts';

/** Linking and classification against the register in the database, built once per register state. */
export interface Analyser {
  analyse(text: string): { link: LinkResult; classification: Classification };
  enterprise(uscc: string): { regionCode: string; commissionerId: number | null } | undefined;
  readonly enterprises: number;
}

const cache = new WeakMap<object, { fingerprint: string; analyser: Analyser }>();

/** Short forms of the region names (南京市 → 南京, 江宁区 → 江宁) added to the prefixes a name may start with. */
function regionPrefixes(names: readonly string[]): string[] {
  return names.flatMap((n) => (n.length > 2 ? [n, n.replace(/(省|市|县|区)$/, '')] : [n]));
}

/** Builds an analyser over a register given in memory (the benchmark and tests use it directly). */
export function buildAnalyser(
  register: readonly { uscc: string; name: string; region_code: string; commissioner_id?: number | string | null }[],
  regionNames: readonly string[] = [],
): Analyser {
  const linker: Linker = buildLinker(register, loadLinkingRules(regionPrefixes(regionNames)));
  const classifier: Classifier = buildClassifier(loadTopicRules());
  const byUscc = new Map(
    register.map((e) => [
      e.uscc,
      { regionCode: e.region_code, commissionerId: e.commissioner_id == null ? null : toNumber(e.commissioner_id) },
    ]),
  );
  const boundaries = wordBoundaries(linker.aliases());
  return {
    enterprises: register.length,
    enterprise: (uscc) => byUscc.get(uscc),
    analyse(text) {
      return {
        link: linker.link(text, { boundaries: boundaries(text) }),
        classification: classifier.classify(text),
      };
    },
  };
}

/** The analyser for the register as it is now in the database (rebuilt when the register changes). */
export async function analyserFor(ctx: AppContext, db: Db = ctx.db): Promise<Analyser> {
  const fingerprint = await findRegisterFingerprint(db);
  const cached = cache.get(ctx);
  if (cached?.fingerprint === fingerprint) return cached.analyser;
  const [register, regions] = await Promise.all([findRegisterForLinking(db), findRegionNames(db)]);
  const analyser = buildAnalyser(
    register,
    regions.map((r) => r.name),
  );
  cache.set(ctx, { fingerprint, analyser });
  return analyser;
}
