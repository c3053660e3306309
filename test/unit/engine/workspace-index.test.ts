import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import { MINIMAL } from '../../helpers';

const framework = (id: string, indicators: string[]) =>
  MINIMAL.replace('id: demo', `id: ${id}`) +
  'indicators:\n' +
  indicators.map((i) => `  - { id: ${i}, title: T, type: outcome, unit: percent, direction: increase }\n`).join('');

describe('workspace index', () => {
  it('gives a framework id to the first URI that declares it, whatever the order files were indexed in', () => {
    const index = new WorkspaceIndex();
    index.updateFromText('file:///c.framework.yaml', framework('shared', ['from-c']));
    index.updateFromText('file:///a.framework.yaml', framework('shared', ['from-a']));
    index.updateFromText('file:///b.framework.yaml', framework('shared', ['from-b']));
    index.updateFromText('file:///d.framework.yaml', framework('other', ['from-d']));
    assert.equal(index.uriOfFramework('shared'), 'file:///a.framework.yaml');
    assert.deepEqual([...index.frameworks.get('shared')!.indicators], ['from-a']);
    assert.equal(index.uriOfFramework('other'), 'file:///d.framework.yaml');
    index.remove('file:///a.framework.yaml');
    assert.equal(index.uriOfFramework('shared'), 'file:///b.framework.yaml');
  });

  it('keeps ids in document order and says when what other files see changed', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.updateFromText('file:///a.framework.yaml', framework('fw', ['zeta', 'alpha'])), true);
    assert.deepEqual([...index.get('file:///a.framework.yaml')!.indicators], ['zeta', 'alpha']);
    // The same ids in another order: nothing another file sees has changed.
    assert.equal(index.updateFromText('file:///a.framework.yaml', framework('fw', ['alpha', 'zeta'])), false);
    assert.equal(index.updateFromText('file:///a.framework.yaml', framework('fw', ['alpha'])), true);
  });

  it('is complete unless told otherwise (the CLI indexes every file before checking)', () => {
    assert.equal(new WorkspaceIndex().complete, true);
  });
});
