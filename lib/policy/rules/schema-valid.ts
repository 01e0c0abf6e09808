import { kindsOfApiVersion, schemaTypeOf, SCHEMA_SOURCE, unknownFields } from '../schema/known-fields';
import { closest } from '../suggest';
import { schemaErrors } from '../schema/openapi-validators';
import { ValidatedShapes } from '../schema/validated-shapes';
import { Rule, RuleViolation } from '../types';

export const schemaValid: Rule = {
  id: 'schema-valid',
  severity: 'error',
  severityReason: 'The API server rejects fields of the wrong type, missing required fields and values outside an enum; kubectl rejects unknown fields (strict validation).',
  description: `Every built-in object validates against the Kubernetes OpenAPI schema (${SCHEMA_SOURCE}): field types, required fields, enums, and no unknown or misspelt field.`,
  fix: 'Fix the field name or value as the message says (see `kubectl explain <kind>.<field>`).',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Objects alike for the validators (all but names, mostly) are validated once.
    const validated = ValidatedShapes.create();
    for (const o of context.objects) {
      if (!o.apiVersion || !o.kind) {
        out.push({ object: o, message: 'is not a Kubernetes object: apiVersion and kind are required.', fix: 'Set apiVersion and kind, or keep non-Kubernetes YAML (Helm values, configs) out of the checked files.' });
        continue;
      }
      const type = schemaTypeOf(o.apiVersion, o.kind);
      if (!type) {
        // A built-in apiVersion without this kind is a typo (Deplyoment) or the wrong group; kubectl says
        // "no matches for kind". apiVersions the schemas do not know are custom resources: not checked.
        const kinds = kindsOfApiVersion(o.apiVersion);
        if (kinds) {
          const near = closest(o.kind, kinds);
          out.push({ object: o, message: `kind "${o.kind}" is not served by apiVersion ${o.apiVersion}${near ? ` (did you mean "${near}"?)` : ''}; kubectl answers "no matches for kind".`, fix: near ? `Write kind: ${near}.` : 'Check the kind and its apiVersion (`kubectl api-resources`).' });
        }
        continue;
      }
      // Stryker disable next-line ConditionalExpression: equivalent, validating an alike object again gives the same (no) findings; the memo only saves the work.
      if (validated?.has(type, o.manifest)) continue;
      // Long lists of alike items (an Ingress's rules) are checked as one; the findings, if any, come from the object.
      // Stryker disable next-line LogicalOperator: equivalent, validating the whole object instead of its shortened copy gives the same findings.
      const shortened = validated?.withoutAlikeItems(o.manifest) ?? o.manifest;
      let messages = schemaMessages(shortened, type);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, validating the whole object again gives the same findings (alike items pass or fail together); only when there are findings does it matter, for their paths.
      if (messages.length > 0 && shortened !== o.manifest) messages = schemaMessages(o.manifest, type);
      for (const message of messages) out.push({ object: o, message });
      // Stryker disable next-line ConditionalExpression: equivalent, not remembering a clean object only means alike ones are validated again.
      if (messages.length === 0) validated?.add(type, o.manifest);
    }
    return out;
  },
};

/** What the field table and the validators find wrong with a manifest of schema type `type`. */
function schemaMessages(manifest: unknown, type: string): string[] {
  const messages = unknownFields(manifest, type).map((f) =>
    `${f.path} is not a field of ${f.typeName}${f.suggestion ? ` (did you mean "${f.suggestion}"?)` : ''}; the API server drops or rejects it.`);
  for (const e of schemaErrors(manifest)) messages.push(`${e.path} ${e.message}.`);
  return messages;
}
