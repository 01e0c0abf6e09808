import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SKIP_ANNOTATION_PREFIX } from '../../core/annotations';
import { NetkitError } from '../../core/errors';
import { isDns1123Label, isQualifiedName } from '../../core/names';
import { ruleIds, unknownRuleIdProblem } from '../../policy/rule-ids';

/**
 * Writes `netkit.io/skip-<ruleId>: "<reason>"` on an add-on's object, so the
 * policy check skips that rule for it and a reviewer sees why, next to the object.
 */
export function addPolicySkip(scope: IConstruct, apiObject: ApiObject, ruleId: string, reason: string): void {
  const key = `${SKIP_ANNOTATION_PREFIX}${ruleId}`;
  if (!isDns1123Label(ruleId) || !isQualifiedName(key)) {
    throw new NetkitError(scope, { field: 'ruleId', message: 'is not a policy rule id.', value: ruleId, allowed: 'lowercase letters, digits and "-" (svc-type-nodeport)', fix: 'use the id the policy check reports.' });
  }
  // A skip for a rule that does not exist skips nothing (and skip-has-reason would warn about it).
  if (!ruleIds().includes(ruleId)) throw new NetkitError(scope, unknownRuleIdProblem('ruleId', ruleId));
  if (reason.trim() === '') {
    throw new NetkitError(scope, { field: 'reason', message: `is empty for rule ${ruleId}; a skip without a reason is itself a policy error.`, value: reason, fix: 'say why the object may break the rule.' });
  }
  apiObject.metadata.addAnnotation(key, reason);
}
