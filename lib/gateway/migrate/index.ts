export * from './types';
export { migrateIngresses } from './migrate';
export { routeTable, RouteTableRow } from './route-table';
export { formatMigrationReport } from './report';
