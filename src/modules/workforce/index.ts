/**
 * The workforce module, one room per use case: persons/ (persons with encrypted identity and blind
 * index, plain ID numbers, person-keyed writes), roster/ (rosters → employment spells),
 * contributions/ (social-insurance contributions), registries/ (graduates, poverty, skills, titles,
 * unemployment registries), employees/ (the enterprise's employee list and its routes). Shared
 * pieces (table, enumerations, periods, row reader, batching, the register check, the import kinds,
 * test factories) stay at this root.
 */
export { workforceRoutes } from './employees/workforce.routes.ts';
