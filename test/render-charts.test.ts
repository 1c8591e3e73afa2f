import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { renderCharts } from '../src/output/render-charts';

/** Charts with dependencies inside a chart, across charts and into a nested chart. */
function tangledApp(): App {
  const app = new App();
  const obj = (scope: Construct, id: string) => new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id } });
  const base = new Chart(app, 'base');
  const crd = obj(base, 'crd');
  const operator = obj(base, 'operator');
  operator.node.addDependency(crd);
  const tenants = new Chart(app, 'tenants');
  const group = new Construct(tenants, 'group');
  obj(group, 'first');
  obj(group, '2');
  const holder = new Construct(tenants, 'holder');
  obj(holder, 'last');
  group.node.addDependency(holder, operator);
  const nested = new Chart(tenants, 'nested');
  obj(nested, 'inner');
  holder.node.addDependency(nested);
  return app;
}

describe('renderCharts', () => {
  test('gives every chart the objects and order of chart.toJson()', () => {
    // GIVEN two identical apps with dependencies within, across and into nested charts
    const viaToJson = tangledApp();
    const viaOnePass = tangledApp();

    // WHEN one renders chart by chart through cdk8s and the other in one pass
    const expected = Object.fromEntries(viaToJson.charts.map((c) => [c.node.path, c.toJson()]));
    const actual = Object.fromEntries([...renderCharts(viaOnePass)].map(([c, objects]) => [c.node.path, objects]));

    // THEN every chart has the same objects in the same order
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toHaveLength(3);
    expect(actual.tenants.map((o: any) => o.metadata.name)).toEqual(['last', '2', 'first']);
  });

  test('refuses a dependency cycle as cdk8s does', () => {
    // GIVEN two objects that depend on each other, in a fresh app for each renderer
    const cyclic = () => {
      const app = new App();
      const chart = new Chart(app, 'loop');
      const a = new ApiObject(chart, 'a', { apiVersion: 'v1', kind: 'ConfigMap' });
      const b = new ApiObject(chart, 'b', { apiVersion: 'v1', kind: 'ConfigMap' });
      a.node.addDependency(b);
      b.node.addDependency(a);
      return app;
    };

    // WHEN rendered THEN both refuse it
    expect(() => cyclic().charts[0].toJson()).toThrow(/Dependency cycle detected: loop\/\w => loop\/\w => loop\/\w/);
    expect(() => renderCharts(cyclic())).toThrow(/Dependency cycle detected: loop\/\w => loop\/\w => loop\/\w/);
  });
});
