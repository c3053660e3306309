// isConfigFile names a `.yardstick.yaml` however its URI or path is written, and a URI that does
// not decode (a bare "%") is an ordinary name, never an exception (it ran inside re-validation).
import assert from 'node:assert/strict';
import { isConfigFile } from '../../../server/src/node/config-service';

describe('isConfigFile', () => {
  it('knows .yardstick.yaml and .yardstick.yml as URIs, encoded URIs and paths', () => {
    assert.equal(isConfigFile('file:///work/.yardstick.yaml'), true);
    assert.equal(isConfigFile('file:///work/%2Eyardstick.yml'), true);
    assert.equal(isConfigFile('/work/.yardstick.yml'), true);
    assert.equal(isConfigFile('C:\\work\\.yardstick.yaml'), true);
    assert.equal(isConfigFile('file:///work/plan.framework.yaml'), false);
    assert.equal(isConfigFile('file:///work/yardstick.yaml'), false);
  });

  it('reads a name with a bare "%" as written', () => {
    assert.equal(isConfigFile('file:///tmp/100%.framework.yaml'), false);
    assert.equal(isConfigFile('file:///tmp/100%/.yardstick.yaml'), true);
    assert.equal(isConfigFile('file:///tmp/%.yardstick.yaml'), false);
  });
});
