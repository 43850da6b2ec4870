import * as fs from 'fs';
import * as path from 'path';
import { diffOutputs, renderDiff } from '../../lib/review/diff';
import type { SynthesizedStack } from '../../lib/review/synthesized';
import type { SiteProfile, TenantSpec } from '../../lib/model';
import { AiFactorySite } from '../../lib/site/site';
import { profile as bologna } from '../../stacks/sites/bologna';
import { synth, testApp } from '../helpers';

/**
 * The sample review in docs/review.md and README.md is what `aif diff` says about a realistic change
 * at Bologna: a Fast Lane start-up added, and the Fast Lane tenant `cybersecurity` retired at the end
 * of its allocation (`retired: true`). Both sides are synthesized from the real profile.
 *
 * Regenerate with: AIF_UPDATE_SAMPLE=1 npx jest test/review/sample.test.ts
 */
const root = path.join(__dirname, '..', '..');
const ROBOTICS: TenantSpec = {
  name: 'robotics',
  displayName: 'Robotics start-up: manipulation foundation model',
  accessMode: 'fast-lane',
  sector: 'manufacturing',
  allocation: { projectId: 'EHPC-AIF-2027FL01-0031', start: '2027-01-01', end: '2027-03-31' },
  gpus: [{ pool: 'booster', gpuHours: 50_000 }],
  groups: { admins: ['it4lia:robotics-admins'], members: ['it4lia:robotics-users'] },
  storage: [{ tier: 'scratch', capacity: '96Ti' }],
};

function outputOf(profile: SiteProfile): SynthesizedStack[] {
  const site = new AiFactorySite(testApp(), profile);
  return [site.platform, site.tenantsStack].map((s) => ({ name: s.node.id, json: synth(s) }));
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->` in a file. */
function region(file: string, name: string): { text: string; replace(by: string): void } {
  const content = fs.readFileSync(file, 'utf8');
  const [start, end] = [`<!-- ${name}:start -->\n`, `<!-- ${name}:end -->`];
  const [a, b] = [content.indexOf(start), content.indexOf(end)];
  if (a < 0 || b < a) throw new Error(`${file} has no region ${name}`);
  return {
    text: content.slice(a + start.length, b),
    replace: (by) => fs.writeFileSync(file, content.slice(0, a + start.length) + by + content.slice(b)),
  };
}

describe('the sample review', () => {
  const base = outputOf(bologna);
  const head = outputOf({
    ...bologna,
    tenants: [
      ...bologna.tenants.map((t) => (t.name === 'cybersecurity' ? { ...t, retired: true } : t)),
      ROBOTICS,
    ],
  });
  const diff = diffOutputs(base, head);
  const markdown = renderDiff(diff, { maxLines: 12 });
  // The README shows the first two sections, without blank lines; docs/review.md all of it. In a
  // `text` block, which Prettier leaves alone (it would align the tables of a `markdown` block).
  const excerpt = markdown
    .slice(markdown.indexOf('### Needs attention'), markdown.indexOf('### Everything else'))
    .split('\n')
    .filter((l) => l !== '')
    .join('\n');
  const samples = [
    { file: path.join(root, 'docs', 'review.md'), text: `\n\`\`\`text\n${markdown}\`\`\`\n\n` },
    { file: path.join(root, 'README.md'), text: `\n\`\`\`text\n${excerpt}\n\`\`\`\n\n` },
  ];

  it('is a safe change: a tenant added and one retired need no attention', () => {
    expect(diff.attention).toEqual([]);
    expect(diff.tenants.map((t) => `${t.tenant} ${t.status}`)).toEqual([
      'cybersecurity retired',
      'robotics added',
    ]);
  });

  it.each(samples)(
    'is up to date in $file (AIF_UPDATE_SAMPLE=1 npx jest test/review/sample.test.ts)',
    (s) => {
      const r = region(s.file, 'aif-diff-sample');
      if (process.env.AIF_UPDATE_SAMPLE) r.replace(s.text);
      expect(region(s.file, 'aif-diff-sample').text).toBe(s.text);
    },
  );
});
