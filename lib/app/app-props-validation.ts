import { isAbsolute, relative, resolve, sep } from 'node:path';
import { YamlOutputType } from 'cdk8s';
import { Problem } from '../core/errors';
import { ruleIdProblems } from '../policy/rule-ids';
import { NetkitAppProps } from './props';

// `kubectl apply -f <folder>` reads only these (its FileVisitor filters by extension): other files are skipped silently.
const KUBECTL_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * The NetkitApp props that cannot work: files kubectl skips, an output type
 * cdk8s does not know, add-ons written into the folder that must only change
 * the apps' namespaces. `outdir` and `addonsOutdir` are the folders after defaults.
 */
export function netkitAppPropProblems(props: NetkitAppProps, outdir: string, addonsOutdir: string): Problem[] {
  const problems: Problem[] = [];
  const extension = props.outputFileExtension;
  if (extension !== undefined && !KUBECTL_EXTENSIONS.some((e) => extension.endsWith(e))) {
    problems.push({
      field: 'outputFileExtension', message: 'does not end in .yaml, .yml or .json, so `kubectl apply -f dist/` (and Argo CD, Flux) would skip every manifest file.', value: extension,
      allowed: 'an extension ending in .yaml, .yml or .json', fix: 'use the default ".k8s.yaml", or e.g. ".yaml".',
    });
  }
  if (props.yamlOutputType !== undefined && !Object.values(YamlOutputType).includes(props.yamlOutputType)) {
    problems.push({
      field: 'yamlOutputType', message: 'is not a cdk8s YamlOutputType.', value: props.yamlOutputType,
      allowed: 'YamlOutputType.FILE_PER_CHART, FILE_PER_RESOURCE, FOLDER_PER_CHART_FILE_PER_RESOURCE (FILE_PER_APP without add-on charts)', fix: 'use a YamlOutputType member, or leave it out (FILE_PER_CHART).',
    });
  }
  // Outside means `..` or `../…` (or another drive); a folder named `..addons` inside the output folder is inside it.
  const inside = relative(resolve(outdir), resolve(addonsOutdir));
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  // Stryker disable next-line ConditionalExpression: equivalent, the default add-ons folder is a sibling of the output folder, so never inside it.
  if (props.addonsOutdir !== undefined && !outside) {
    problems.push({
      field: 'addonsOutdir', message: `is the output folder "${outdir}" or inside it, so applying the output folder would also apply the cluster add-ons.`, value: props.addonsOutdir,
      allowed: 'a folder outside the output folder', fix: 'leave it out ("cluster-addons" beside the output folder), or name a sibling folder.',
    });
  }
  // A misspelt id would turn nothing off: the rule would still fail the synth, with no hint why.
  if (typeof props.policies === 'object') problems.push(...ruleIdProblems('policies.disabledRules', props.policies.disabledRules));
  return problems;
}
