import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileSnippets, docExamples, fencedBlocks, repositorySnippets } from './snippets';

const root = path.join(__dirname, '..', '..');

/**
 * The blocks fenced ```ts fragment, which the test does not compile: excerpts of a site profile
 * (one field of `SiteProfile`, with `// ...` for the rest), which read best in place and whose
 * complete form is a file of stacks/sites/, compiled by `npm test`'s type-check. Listed by the
 * first line of code, so that a new fragment is a deliberate choice.
 */
const FRAGMENTS: readonly string[] = [
  'docs/air-gapped.md: export const profile: SiteProfile = {',
  'docs/offboarding.md: retiredTenants: [',
  "docs/offboarding.md: { name: 'manufacturing', volumes: ['checkpoints'], dataDeleted: '2026-12-01', note: '...' },",
  'docs/profile.md: accelerators: [',
  'docs/schedulers.md: schedulers: {',
  'docs/storage.md: storageTiers: [',
];

/** The public constructs, each of which opens its TypeDoc page with an example. */
const CONSTRUCTS: readonly string[] = [
  'lib/compute/node-pool.ts GpuNodePool',
  'lib/compute/cpu-pool.ts CpuNodePool',
  'lib/compute/gpu-operators.ts NvidiaGpuOperator',
  'lib/compute/gpu-operators.ts AmdGpuOperator',
  'lib/compute/gpu-operators.ts CertManager',
  'lib/storage/storage-tier.ts StorageTier',
  'lib/tenancy/tenant-namespace.ts TenantNamespace',
  'lib/tenancy/removed-tenant.ts RemovedTenant',
  'lib/tenancy/guardrails.ts TenantGuardrails',
  'lib/tenancy/site-scope.ts SiteScope',
  'lib/scheduling/kueue.ts Kueue',
  'lib/scheduling/kueue.ts KueueTenantQueue',
  'lib/scheduling/kueue-guard.ts KueueBypassGuard',
  'lib/scheduling/slurm.ts SlurmCluster',
  'lib/scheduling/slurm.ts SlurmOperator',
  'lib/site/site.ts AiFactorySite',
];

describe('the code in the documentation', () => {
  const snippets = repositorySnippets(root);
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-snippets-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips only the listed fragments, and no block has another info string', () => {
    const skipped = snippets.filter((s) => s.info !== '');
    expect(skipped.every((s) => s.info === 'fragment')).toBe(true);
    expect(skipped.map((s) => `${s.where.replace(/:\d+$/, '')}: ${s.code.split('\n')[0]}`)).toEqual(
      FRAGMENTS,
    );
  });

  it.each(CONSTRUCTS)('has an @example in the doc comment of %s', (entry) => {
    const [file, name] = entry.split(' ');
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    const at = source.indexOf(`export class ${name} extends`);
    expect(at).toBeGreaterThan(0);
    const comment = source.slice(source.lastIndexOf('/**', at), at);
    expect(docExamples(comment, file)).toHaveLength(1);
  });

  it('type-checks every other block and every @example against lib/', () => {
    const compiled = snippets.filter((s) => s.info === '');
    expect(compiled.length).toBeGreaterThanOrEqual(CONSTRUCTS.length + 3);
    expect(compileSnippets(root, dir, compiled)).toEqual([]);
  });

  it('reports a snippet that does not compile, with where it is', () => {
    const bad = fencedBlocks(
      "text\n\n```ts\nimport { GpuNodePool } from 'cdktf-ai-factory';\nconst n: number = GpuNodePool;\n```\n",
      'fake.md',
    );
    expect(bad).toHaveLength(1);
    const errors = compileSnippets(root, dir, bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^fake\.md:3 \(snippet line 2\): Type 'typeof GpuNodePool' is not assignable to type 'number'/,
    );
  });
});
