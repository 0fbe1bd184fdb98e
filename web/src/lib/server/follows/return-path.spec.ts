import { describe, expect, it } from 'vitest';
import { localReturnPath, withOutcome } from './return-path';

describe('localReturnPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(localReturnPath('/soeg?tag=sf1601&side=2')).toBe('/soeg?tag=sf1601&side=2');
  });

  it('sends a full address, a protocol-relative one or a backslash trick to the front page', () => {
    for (const value of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', 'spoergsmaal/1']) {
      expect(localReturnPath(value), value).toBe('/');
    }
  });

  it('drops a fragment (the server never sees one)', () => {
    expect(localReturnPath('/komponenter/context-handler#svar')).toBe('/komponenter/context-handler');
  });
});

describe('withOutcome', () => {
  it('adds the outcome and keeps the rest of the query', () => {
    expect(withOutcome('/soeg?tag=sf1601', 'followed')).toBe('/soeg?tag=sf1601&fulgt=1');
  });

  it('replaces an earlier outcome instead of piling them up', () => {
    expect(withOutcome('/spoergsmaal/1-x?fulgt=1', 'unfollowed')).toBe('/spoergsmaal/1-x?ikke-fulgt=1');
    expect(withOutcome('/spoergsmaal/1-x?ikke-fulgt=1&foelg-fejl=1', 'followed')).toBe('/spoergsmaal/1-x?fulgt=1');
  });
});
