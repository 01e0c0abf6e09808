export { gatewayProblems, listenerProblems, listenerSetProblems, CORE_PROTOCOLS } from './gateway-validation';
export {
  httpRouteProblems, httpRouteRuleProblems, parentRefProblems, backendObjectRefProblems, matchProblems, httpPathProblems,
  HTTP_METHODS, MAX_HTTP_ROUTE_MATCHES,
} from './http-route-validation';
export { filterListProblems, HTTP_ROUTE_FILTER_FIELDS } from './http-route-filters';
export { referenceGrantProblems } from './reference-grant-validation';
export { hostnameProblem, preciseHostnameProblem, sectionNameProblem, HOSTNAME_RULE, ObjectCheckOptions } from './fields';
export { gatewayApiObjectProblems } from './by-kind';
