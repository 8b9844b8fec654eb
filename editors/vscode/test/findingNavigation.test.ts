// Which finding "Next/Previous Misaligned Pair" moves to.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { neighbourFinding } from '../src/findingNavigation';

describe('neighbourFinding', () => {
  const starts = [4, 9, 9, 30];
  it('moves to the first finding after the cursor line, wrapping to the first', () => {
    assert.equal(neighbourFinding(starts, 0, true), 0);
    assert.equal(neighbourFinding(starts, 4, true), 1);
    assert.equal(neighbourFinding(starts, 9, true), 3);
    assert.equal(neighbourFinding(starts, 30, true), 0);
  });
  it('moves to the last finding before the cursor line, wrapping to the last', () => {
    assert.equal(neighbourFinding(starts, 30, false), 2);
    assert.equal(neighbourFinding(starts, 9, false), 0);
    assert.equal(neighbourFinding(starts, 4, false), 3);
  });
  it('has nowhere to go without findings', () => {
    assert.equal(neighbourFinding([], 3, true), -1);
    assert.equal(neighbourFinding([], 3, false), -1);
  });
});
