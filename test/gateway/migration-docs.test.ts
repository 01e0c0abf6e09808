import { runTsBlock, tsBlocks } from '../helpers/docs-blocks';

// Every ```ts block of docs/migration.md runs as written and prints what the page says it prints.
describe('docs/migration.md examples', () => {
  const blocks = tsBlocks('migration.md');

  test('the page has its three examples', () => {
    expect(blocks).toHaveLength(3);
  });

  test('an HttpIngress becomes a Gateway and one route with both paths', () => {
    expect(runTsBlock(blocks[0])).toEqual(['Gateway shop/nginx', 'HTTPRoute shop/site-shop-example-com', '0']);
  });

  test('the report names the annotation and the regex path that were not converted', () => {
    expect(runTsBlock(blocks[1])).toEqual(['metadata.annotations["nginx.ingress.kubernetes.io/limit-rps"]\nspec.rules[0].http.paths[0].path', 'Ingress web/legacy']);
  });

  test('the named port is resolved and the written objects pass the Gateway API rules', () => {
    expect(runTsBlock(blocks[2])).toEqual(['[{"name":"web","port":80}]', '0']);
  });
});
