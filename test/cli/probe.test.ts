import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { probeCase } from '../../lib/cli/probe';
import type { ProbeCase } from '../../lib/review/probe';

// The verdicts of `aif probe` on the API server's answers, with a kubectl that answers as told: a
// control holds only when the answer names it, and an answer the probe cannot read is never taken
// for a refusal.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-probe-'));
const kubectl = path.join(dir, 'kubectl');
// The answer comes from files (a test's process.env does not reach child processes under jest).
fs.writeFileSync(
  kubectl,
  `#!/bin/sh\ncat '${dir}/out'\ncat '${dir}/err' >&2\nexit "$(cat '${dir}/exit')"\n`,
  {
    mode: 0o755,
  },
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function answer(out: string, err: string, exit: number): void {
  fs.writeFileSync(path.join(dir, 'out'), out);
  fs.writeFileSync(path.join(dir, 'err'), err);
  fs.writeFileSync(path.join(dir, 'exit'), String(exit));
}

const base = {
  site: 'lab',
  tenant: 'alpha',
  mtb: [],
  as: { user: 'aif-probe@alpha', groups: ['lab:alpha-users'] },
};
const placement: ProbeCase = {
  ...base,
  id: 'AIF-ADM-4',
  control: 'placement',
  request: { kind: 'create', object: { kind: 'Job' } },
  expect: 'refused',
  because: /ValidatingAdmissionPolicy 'aif-tenant-placement'/,
};
const rbac: ProbeCase = {
  ...base,
  id: 'AIF-RBAC-3',
  control: 'rights',
  request: { kind: 'can-i', verbs: [['create', 'resourcequotas']] },
  expect: 'refused',
};
const conn = { kubectl };

describe('probeCase', () => {
  it('holds when the answer names the control', () => {
    answer(
      '',
      "Error from server (Forbidden): ValidatingAdmissionPolicy 'aif-tenant-placement' with binding ... denied request\n",
      1,
    );
    expect(probeCase(conn, placement).status).toBe('HELD');
  });

  it('fails when the request is accepted, or refused by something else', () => {
    answer('job.batch/x created (server dry run)\n', '', 0);
    expect(probeCase(conn, placement)).toMatchObject({
      status: 'FAILED',
      detail: 'accepted: the control did not refuse it',
    });
    answer('', 'Error from server (Forbidden): exceeded quota: tenant-quota\n', 1);
    expect(probeCase(conn, placement).detail).toMatch(/^refused, but not by this control/);
  });

  it('does not take a warning for the refusal (a policy bound to warn only)', () => {
    answer(
      '',
      "Warning: ValidatingAdmissionPolicy 'aif-tenant-placement' ... \nError from server (Forbidden): exceeded quota\n",
      1,
    );
    expect(probeCase(conn, placement).status).toBe('FAILED');
  });

  it('reads can-i: no holds, yes fails, anything else fails as a question it could not ask', () => {
    answer('no\n', '', 1);
    expect(probeCase(conn, rbac).status).toBe('HELD');
    answer('yes\n', '', 0);
    expect(probeCase(conn, rbac)).toMatchObject({
      status: 'FAILED',
      detail: 'allowed to the tenant: create resourcequotas',
    });
    answer(
      '',
      'Error from server (Forbidden): users "aif-probe@alpha" is forbidden: User "x" cannot impersonate resource "users"\n',
      1,
    );
    expect(probeCase(conn, rbac).detail).toMatch(
      /^could not ask: create resourcequotas: Error from server \(Forbidden\)/,
    );
  });
});
