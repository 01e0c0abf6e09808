import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPropShapes, renderPropShapes } from '../../scripts/prop-shapes';

const root = join(__dirname, '..', '..');

describe('lib/core/prop-shapes.generated.ts', () => {
  const shapes = readPropShapes(root);

  test('is what the props interfaces of lib/index.ts say (regenerate: npm run gen:props)', () => {
    expect(readFileSync(join(root, 'lib', 'core', 'prop-shapes.generated.ts'), 'utf8')).toBe(renderPropShapes(shapes));
  });

  test('reads inherited keys, nested props objects and lists of them, and leaves classes, maps and other packages\' types alone', () => {
    // ExposedServiceProps extends ExposeOptions; ports is a list of ServicePortOptions.
    expect(shapes.ExposedServiceProps.keys).toEqual(expect.arrayContaining(['target', 'selector', 'port', 'ports', 'sessionAffinity']));
    expect(shapes.ExposedServiceProps.nested).toEqual({ ports: 'ServicePortOptions', nodePortRange: 'NodePortRange' });
    expect(shapes.ServicePortOptions.keys).toEqual(['appProtocol', 'name', 'nodePort', 'port', 'protocol', 'targetPort']);
    // readiness (a Probe class or false), env and labels (maps), containerSecurityContext (kubernetes-models) are values.
    expect(shapes.WebAppProps.nested).toEqual({
      ports: 'ContainerPort', resources: 'WebAppResources', autoscaling: 'AutoscalingOptions', disruptionBudget: 'DisruptionBudgetOptions',
      gracefulShutdown: 'GracefulShutdownOptions', rollingUpdate: 'RollingUpdateOptions', spreadAcrossNodes: 'SpreadOptions', spreadAcrossZones: 'SpreadOptions',
    });
    // Omit<> of an interface keeps its keys but the omitted one.
    expect(shapes.ServiceFactoryProps.keys).not.toContain('type');
    expect(shapes.ServiceFactoryProps.keys).toContain('target');
    // An inline object type is named after where it sits.
    expect(shapes['IngressNginxProps.nodePorts'].keys).toEqual(['http', 'https']);
  });
});
