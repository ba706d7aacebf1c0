export { buildCollections, type Collections } from './collections.ts';
export { paginate, type Pagination } from './paginate.ts';
export type { AuthorSummary, Listing, TagSummary, YearSummary } from './listings.ts';
