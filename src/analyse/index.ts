/** The analyse stage: national figures from Report records, and area names resolved to local authorities. */
export { summarise, SUMMARY_SCHEMA } from './summary.js';
export type {
  Summary,
  SummarySlice,
  Share,
  ThemeSummary,
  Ranking,
  RankingName,
  Framework2016Summary,
  Framework2023Summary,
  UnknownArea,
} from './summary.js';
export { lookupArea, resolveAuthority, normaliseAreaName, AUTHORITIES, REGIONS } from './authorities.js';
export type { AreaMatch, Authority } from './authorities.js';
