import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as names from '../../lib/model/names';

// The library's names in the cluster are declared once, in lib/model/names.ts, and the constructs
// (which write them) and lib/review (which reads synthesized output by them) import them from
// there. These tests read the source of lib/ so that a module cannot declare one of its own again:
// a label or annotation under `ai-factory.eu`, or an object name under `aif-`.

const root = path.resolve(__dirname, '../..');
const NAMES = 'lib/model/names.ts';

/**
 * Literals under `aif-` that are not the library's names in the cluster, by file: each with why.
 */
const NOT_CLUSTER_NAMES: ReadonlyArray<{ file: string; literal: RegExp; why: string }> = [
  {
    // `aif probe` creates these objects itself, in a scratch tenant, and deletes them: no construct
    // writes them and no review reads them from synthesized output.
    file: 'lib/review/probe.ts',
    literal: /^aif-probe(-[a-z]+)?$/,
    why: "the probe's own throwaway objects and identity",
  },
  { file: 'lib/cli/probe.ts', literal: /^aif-probe-$/, why: "the probe Job's name, made per run" },
  // Temporary directories on the operator's machine.
  { file: 'lib/cli/reference.ts', literal: /^aif-chart-$/, why: 'a temporary directory' },
  { file: 'lib/cli/diff.ts', literal: /^aif-diff-$/, why: 'a temporary directory' },
  // The construct id of a Terraform output (its address is pinned to `aif_charts`): not in the cluster.
  { file: 'lib/platform/release.ts', literal: /^aif-charts$/, why: 'a Terraform output' },
  // The access modes' WorkloadPriorityClasses: each is declared once, in the preset table of its
  // access mode (lib/model, which the constructs and lib/review both read it from).
  {
    file: 'lib/model/access-modes.ts',
    literal: /^aif-(playground|fast-lane|large-scale|ai-for-science|internal)$/,
    why: "an access mode's priority class, in its preset",
  },
];

/** The TypeScript files of lib/, relative to the root, but the generated profile shape (data, from doc comments). */
function libFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.generated.ts')) out.push(rel);
    }
  };
  walk('lib');
  return out.sort();
}

interface Literal {
  readonly file: string;
  readonly line: number;
  /** The literal's text: a string, one part of a template, or a regular expression's source. */
  readonly text: string;
}

/** Every string, template part and regular expression literal of a file (comments are not literals). */
function literalsOf(file: string): Literal[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(root, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const out: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ file, line, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const literals = libFiles()
  .filter((f) => f !== NAMES)
  .flatMap(literalsOf);
const where = (l: Literal) => `${l.file}:${l.line}: ${JSON.stringify(l.text)}`;

describe('the names in the cluster (lib/model/names.ts)', () => {
  it("are the only 'ai-factory.eu' labels and annotations in lib/", () => {
    expect(literals.filter((l) => l.text.includes('ai-factory.eu')).map(where)).toEqual([]);
  });

  it("are the only 'aif-' object names in lib/, but the documented exceptions", () => {
    const own = literals.filter((l) => /\baif-/.test(l.text));
    const declared = own.filter(
      (l) => !NOT_CLUSTER_NAMES.some((x) => x.file === l.file && x.literal.test(l.text)),
    );
    expect(declared.map(where)).toEqual([]);
    // Every exception still stands for a literal there, so the list does not outlive its reason.
    for (const x of NOT_CLUSTER_NAMES)
      expect([x.file, x.why, own.some((l) => l.file === x.file && x.literal.test(l.text))]).toEqual([
        x.file,
        x.why,
        true,
      ]);
  });

  it('have no second declaration of a label or annotation key elsewhere in lib/', () => {
    // Keys (with a `/`): other names, like `default` or `cpu`, are too common as words to look for.
    const keys = new Set(
      (Object.values(names) as unknown[]).filter(
        (v): v is string => typeof v === 'string' && v.includes('/'),
      ),
    );
    expect(keys.size).toBeGreaterThan(10);
    expect(literals.filter((l) => keys.has(l.text)).map(where)).toEqual([]);
  });

  it('are a module of their own: no imports, and not exported as a whole from the package', () => {
    const source = fs.readFileSync(path.join(root, NAMES), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export .* from)\b/m);
    // The public names are listed by lib/index.ts from the constructs' modules, as before.
    expect(fs.readFileSync(path.join(root, 'lib/model/index.ts'), 'utf8')).not.toContain("'./names'");
    expect(fs.readFileSync(path.join(root, 'lib/index.ts'), 'utf8')).not.toContain("'./model/names'");
  });

  it("are the name rules of the profile's JSON Schema too (its @pattern tags, which cannot import them)", () => {
    const patterns = libFiles()
      .filter((f) => f.startsWith('lib/model/'))
      .flatMap((f) =>
        [...fs.readFileSync(path.join(root, f), 'utf8').matchAll(/@pattern (\S+)/g)].map((m) => m[1]),
      );
    expect(patterns.length).toBeGreaterThan(0);
    const dnsLike = patterns.filter((p) => p.includes('a-z0-9'));
    // Written without `](`, which TypeDoc would read as a Markdown link: the same language as
    // DNS_LABEL, on names either side of every rule.
    const samples = [
      'a',
      '0',
      'a1',
      'a-b',
      'a--b',
      'ab-cd-9',
      '-a',
      'a-',
      '-',
      '',
      'A',
      'a_b',
      'a.b',
      'a b',
      'é',
    ];
    for (const p of new Set(dnsLike))
      expect(samples.filter((x) => new RegExp(p).test(x))).toEqual(
        samples.filter((x) => names.DNS_LABEL.test(x)),
      );
  });

  it('give templates of tenant and pool names as the constructs wrote them', () => {
    expect(names.cpuClusterQueueName('alpha')).toBe('alpha.cpu');
    expect(names.isCpuClusterQueueName('alpha.cpu')).toBe(true);
    expect(names.isCpuClusterQueueName('alpha')).toBe(false);
    expect(names.poolConfigName('booster')).toBe('aif-booster');
    expect(names.allowPolicyName('cluster-dns')).toBe('aif-allow-cluster-dns');
    expect(names.ownName('default-deny')).toBe(names.DEFAULT_DENY_POLICY);
    expect(Object.values(names.ADMISSION_POLICIES).every((n) => n.startsWith(names.OWN_NAME_PREFIX))).toBe(
      true,
    );
  });

  it('check DNS labels and subdomains as Kubernetes does', () => {
    expect(['a', 'a-1', '0a', 'a'.repeat(63)].every(names.isDnsLabel)).toBe(true);
    expect(['', '-a', 'a-', 'A', 'a.b', 'a_b', 'a'.repeat(64), 7].some(names.isDnsLabel)).toBe(false);
    expect(['a.b', 'csi.k8s.io', 'a'].every((v) => names.DNS_SUBDOMAIN.test(v))).toBe(true);
    expect(['a..b', '.a', 'a.', 'A.b'].some((v) => names.DNS_SUBDOMAIN.test(v))).toBe(false);
  });
});
