import { DEFAULT_INGRESS_CLASS_ANNOTATION, INGRESS_CLASS_ANNOTATION } from '../../ingress/ingress-validation';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';

export const ingClassResolves: Rule = {
  id: 'ing-class-resolves',
  severity: 'error',
  severityReason: 'Traffic cannot flow: no controller serves an Ingress whose class does not exist, and two default classes make the API server reject classless Ingresses (info when the input holds no IngressClass to judge by).',
  crossObject: true,
  description: "An Ingress's ingressClassName names an IngressClass in the app or a declared external one (an Ingress without a class needs a default class); at most one IngressClass is the default.",
  fix: 'Set ingressClassName to an IngressClass of the app, or declare the class with the externalIngressClasses option; keep one default class.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const classes = context.ofKind('IngressClass');
    const external = context.options.externalIngressClasses ?? [];
    const defaults: PolicyObject[] = classes.filter((c) => c.manifest.metadata?.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
    for (const extra of defaults.slice(1)) {
      out.push({ object: extra, message: `is marked default (${DEFAULT_INGRESS_CLASS_ANNOTATION}: "true") as is ${describeObject(defaults[0])}; with two defaults the API server rejects every Ingress that names no class.` });
    }
    const names = new Set([...classes.map((c) => c.name), ...external]);
    // IngressClasses usually come with the controller, installed by a platform team: manifests that
    // hold and declare none cannot tell which classes exist.
    const canJudge = names.size > 0;
    const cannotJudge = { severity: 'info' as const, fix: 'Declare the classes the cluster has (externalIngressClasses, or --external-ingress-class) to have the class checked.' };
    for (const ingress of context.ofKind('Ingress')) {
      const className = ingress.manifest.spec?.ingressClassName;
      if (typeof className === 'string') {
        if (!canJudge) {
          out.push({ object: ingress, ...cannotJudge, message: `cannot judge spec.ingressClassName "${className}": these manifests hold no IngressClass and none is declared external.` });
        } else if (!names.has(className)) {
          const known = [...names].map((n) => `"${n}"`).join(', ');
          out.push({ object: ingress, message: `spec.ingressClassName "${className}" is not an IngressClass of the app nor a declared external one (known: ${known}).` });
        }
      } else if (ingress.manifest.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION] === undefined
        && defaults.length === 0 && external.length === 0) {
        out.push(canJudge
          ? { object: ingress, message: 'names no ingress class and no IngressClass is marked default, so no controller will serve it.', fix: 'Set spec.ingressClassName.' }
          : { object: ingress, ...cannotJudge, message: 'cannot judge the ingress class: it names none (so the cluster\'s default class serves it, if there is one), and these manifests hold no IngressClass.' });
      }
    }
    return out;
  },
};
