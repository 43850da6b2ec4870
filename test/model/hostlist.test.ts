import { expandHostlist, MAX_HOSTLIST_NODES } from '../../lib/model';

describe('expandHostlist', () => {
  it('expands a zero-padded range', () => {
    const hosts = expandHostlist('lrdn[0001-0128]');
    expect(hosts).toHaveLength(128);
    expect(hosts[0]).toBe('lrdn0001');
    expect(hosts[127]).toBe('lrdn0128');
  });

  it('expands lists, single hosts and several bracket groups', () => {
    expect(expandHostlist('nid[001-002,010],login01')).toEqual(['nid001', 'nid002', 'nid010', 'login01']);
    expect(expandHostlist('r[1-2]n[1-2]')).toEqual(['r1n1', 'r1n2', 'r2n1', 'r2n2']);
    expect(expandHostlist('gpu7')).toEqual(['gpu7']);
  });

  it.each([
    ['', /empty/],
    ['lrdn[0001-0128', /unbalanced '\['/],
    ['lrdn0001]', /unbalanced '\]'/],
    ['n[5-1]', /runs backwards/],
    ['n[a-b]', /not a number or a range/],
    ['n1,,n2', /empty entry/],
    ['n1, n2', /white space/],
  ])('rejects %j', (expr, message) => {
    expect(() => expandHostlist(expr)).toThrow(message);
  });

  it('refuses lists larger than the limit instead of eating memory', () => {
    expect(() => expandHostlist(`n[1-${MAX_HOSTLIST_NODES + 1}]`)).toThrow(/more than 20000 hosts/);
  });
});
