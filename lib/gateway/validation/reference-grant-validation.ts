import { Problem } from '../../core/errors';
import type { ReferenceGrantManifest } from '../types';
import {
  ObjectCheckOptions, countProblem, defined, objectProblems, groupProblem, items, kindProblem, namespaceRefProblem, objectNameProblem, requiredProblem,
} from './fields';

/**
 * The ReferenceGrant CRD's rules (v1beta1 and v1 share them): `spec` with
 * 1-16 `from` entries (group, kind and namespace required) and 1-16 `to`
 * entries (group and kind required, name optional).
 */
export function referenceGrantProblems(grant: ReferenceGrantManifest, options?: ObjectCheckOptions): Problem[] {
  const { problems, hasSpec } = objectProblems('ReferenceGrant', grant, 'allow-routes-from-shop', 'set spec.from and spec.to.', options);
  const spec = grant.spec;
  if (!hasSpec || !spec) return problems;
  problems.push(...defined(
    countProblem('spec.from', spec.from ?? [], 16, 1, 'list 1-16 kinds and namespaces that may refer here.'),
    countProblem('spec.to', spec.to ?? [], 16, 1, 'list 1-16 kinds (and names) that may be referred to.'),
  ));
  items(spec.from).forEach((from, i) => {
    const at = `spec.from[${i}]`;
    problems.push(...defined(
      from?.group === undefined ? { field: `${at}.group`, message: 'is required.', fix: 'use "gateway.networking.k8s.io" for routes and Gateways.' } : groupProblem(`${at}.group`, from.group),
      requiredProblem(`${at}.kind`, from?.kind, 'set the referring kind, e.g. "HTTPRoute" or "Gateway".') ?? kindProblem(`${at}.kind`, from.kind, from.group),
      requiredProblem(`${at}.namespace`, from?.namespace, 'set the namespace of the referring objects.') ?? namespaceRefProblem(`${at}.namespace`, from.namespace),
    ));
  });
  items(spec.to).forEach((to, i) => {
    const at = `spec.to[${i}]`;
    problems.push(...defined(
      to?.group === undefined ? { field: `${at}.group`, message: 'is required.', fix: 'use "" for Services and Secrets.' } : groupProblem(`${at}.group`, to.group),
      requiredProblem(`${at}.kind`, to?.kind, 'set the kind referred to, e.g. "Service" or "Secret".') ?? kindProblem(`${at}.kind`, to.kind, to.group),
      to?.name === undefined ? undefined : objectNameProblem(`${at}.name`, to.name),
    ));
  });
  return problems;
}
