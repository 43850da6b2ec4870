import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CHARTS, type ChartRef } from '../platform/charts';
import { parseCommand, type CommandSpec } from './args';
import type { Command } from './main';
import { printProblems } from './validate';

const SPEC: CommandSpec = {
  name: 'reference',
  usage: 'reference pull <dir> [--mirror <url>] [--out <dir>]',
  options: {
    out: {
      type: 'string',
      value: 'dir',
      description:
        "also the charts of the site's own releases in this synthesized output (their stacks' aif_charts outputs)",
    },
    mirror: {
      type: 'string',
      value: 'url',
      description:
        "take every chart from this chart mirror (a profile's mirror.charts.url) instead of upstream",
    },
  },
  positionals: { min: 2, max: 2 },
};

/**
 * How helm names a chart: an OCI chart by its full reference, a chart of an HTTP repository by name
 * with `--repo` (no `helm repo add`, so the operator's repository list is left alone).
 */
export function helmChartArgs(chart: ChartRef, mirror?: string): string[] {
  const repository = mirror?.replace(/\/+$/, '') ?? chart.repository;
  return repository.startsWith('oci://')
    ? [`${repository}/${chart.chart}`, '--version', chart.version]
    : [chart.chart, '--repo', repository, '--version', chart.version];
}

class HelmError extends Error {}

function helm(args: readonly string[]): string {
  // env passed explicitly: the PATH this process sees (and tests set) is the one helm is found on.
  const r = spawnSync('helm', args, { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    throw new HelmError(
      (r.error as NodeJS.ErrnoException).code === 'ENOENT'
        ? '[HELM_MISSING] the helm CLI is not on the PATH. Fix: install helm 3.8 or later (OCI charts), https://helm.sh/docs/intro/install/'
        : `[HELM_FAILED] helm ${args.join(' ')}: ${r.error.message}`,
    );
  }
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout).trim().split('\n')[0] ?? '';
    throw new HelmError(
      `[HELM_FAILED] helm ${args.join(' ')} exited ${r.status}: ${why}. Fix: check that the repository is reachable (or use your chart mirror) and that helm is logged in to OCI registries`,
    );
  }
  return r.stdout;
}

/** Helm template directives blanked out, so the YAML of a templated CRD parses. */
function untemplate(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\{\{-?[^}]*-?\}\}\s*$/.test(line))
    .map((line) => line.replace(/\{\{-?[^}]*-?\}\}/g, 'templated'))
    .join('\n');
}

/** Writes every CustomResourceDefinition in `text` as `<dir>/<group>_<plural>.yaml`; returns the files. */
function writeCrds(text: string, dir: string): string[] {
  const written: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) continue;
    const crd = doc.toJS() as {
      kind?: string;
      spec?: { group?: string; names?: { plural?: string } };
    } | null;
    if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec?.group || !crd.spec.names?.plural) continue;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${crd.spec.group}_${crd.spec.names.plural}.yaml`);
    fs.writeFileSync(file, `---\n${doc.toString()}`);
    written.push(file);
  }
  return written;
}

/** Every `*.yaml` file under a directory. */
function yamlFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * Writes the reference data of one chart: `charts/<key>-<version>/{Chart.yaml,values.yaml}` and its
 * CRDs under `crds/<key>-<version>/`. Returns the files written.
 */
export function pullChartReference(chart: ChartRef, dir: string, mirror?: string): string[] {
  const name = `${chart.key}-${chart.version}`;
  const chartDir = path.join(dir, 'charts', name);
  fs.mkdirSync(chartDir, { recursive: true });
  const ref = helmChartArgs(chart, mirror);
  const files = [path.join(chartDir, 'Chart.yaml'), path.join(chartDir, 'values.yaml')];
  // Chart.yaml too: verify finds a chart whose key differs from its name (gpu-operator) by it.
  fs.writeFileSync(files[0], helm(['show', 'chart', ...ref]));
  fs.writeFileSync(files[1], helm(['show', 'values', ...ref]));
  const crdDir = path.join(dir, 'crds', name);
  fs.rmSync(crdDir, { recursive: true, force: true });
  files.push(...writeCrds(helm(['show', 'crds', ...ref]), crdDir));
  if (chart.crdsInTemplates) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aif-chart-'));
    try {
      helm(['pull', ...ref, '--untar', '--untardir', tmp]);
      const templates = yamlFilesUnder(path.join(tmp, chart.chart, 'templates'));
      for (const f of templates) {
        const text = fs.readFileSync(f, 'utf8');
        if (/kind:\s*CustomResourceDefinition/.test(text)) files.push(...writeCrds(untemplate(text), crdDir));
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return files;
}

/** `aif reference pull <dir>`: the reference data `aif verify` needs, fetched with the operator's helm. */
export const command: Command = {
  summary: "write the pinned charts' default values and CRDs for 'aif verify' (uses the helm CLI)",
  run(args) {
    const parsed = parseCommand(SPEC, this.summary, args);
    if (!parsed.ok) return parsed.exitCode;
    const [action, target] = parsed.positionals;
    if (action !== 'pull') {
      process.stderr.write(`aif reference: unknown action '${action}'\nusage: aif ${SPEC.usage}\n`);
      return 2;
    }
    const dir = path.resolve(target);
    const problems: string[] = [];
    const seen = new Set<string>();
    let charts = Object.values(CHARTS) as ChartRef[];
    const out = parsed.values.out as string | undefined;
    if (out) {
      // The site's own charts, as its releases name them in the synthesized output.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { siteArtifacts } = require('./charts') as typeof import('./charts');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { readStacks } = require('../review/synthesized') as typeof import('../review/synthesized');
      const known = new Set(charts.map((c) => `${c.chart} ${c.version}`));
      const own = siteArtifacts(readStacks(path.resolve(out)))
        .flatMap((a) => a.charts)
        .filter((c) => !known.has(`${c.chart} ${c.version}`))
        .map((c) => ({ ...c, key: c.chart, namespace: '', docs: '' }));
      charts = [...charts, ...own];
    }
    for (const chart of charts) {
      if (seen.has(`${chart.key}-${chart.version}`)) continue;
      seen.add(`${chart.key}-${chart.version}`);
      try {
        const files = pullChartReference(chart, dir, parsed.values.mirror as string | undefined);
        process.stdout.write(
          `${chart.chart} ${chart.version}: ${files.map((f) => path.relative(dir, f)).join(', ')}\n`,
        );
      } catch (e) {
        if (!(e instanceof HelmError)) throw e;
        problems.push(`${chart.chart} ${chart.version}: ${e.message}`);
        if (e.message.startsWith('[HELM_MISSING]')) break;
      }
    }
    if (problems.length > 0) {
      printProblems(`${problems.length} chart(s) could not be pulled:`, problems);
      return 1;
    }
    process.stdout.write(
      `reference data in ${path.relative(process.cwd(), dir) || '.'}; check with: npx aif verify --reference ${target}\n`,
    );
    return 0;
  },
};
