/**
 * Renders a FleetReport as a terminal table or as Markdown (for PR comments and the README).
 */
import { ACCESS_MODE_PRESETS, type AccessMode } from '../model';
import type { FleetReport, SiteReport } from './report';

export type TableFormat = 'table' | 'markdown';

type Cell = string | number;

function fmt(n: number): string {
  return Number.isInteger(n)
    ? n.toLocaleString('en-GB')
    : n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Math.round(v * 10) / 10} ${units[i]}`;
}

function cell(c: Cell): string {
  return typeof c === 'number' ? fmt(c) : c;
}

/** A table: right-aligned numbers, left-aligned text. */
export function renderTable(
  format: TableFormat,
  headers: readonly string[],
  rows: readonly Cell[][],
): string {
  const text = rows.map((r) => r.map(cell));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  if (format === 'markdown') {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const head = `| ${headers.map(esc).join(' | ')} |`;
    const rule = `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`;
    return [head, rule, ...text.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n') + '\n';
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n') + '\n';
}

function heading(format: TableFormat, level: number, title: string): string {
  if (format === 'markdown') return `${'#'.repeat(level)} ${title}\n\n`;
  return `${title}\n${(level <= 2 ? '=' : '-').repeat(title.length)}\n`;
}

/** Entries in the order of the access-mode presets (Playground first), not insertion order. */
function byMode(values: Readonly<Partial<Record<AccessMode, number>>>): Array<[AccessMode, number]> {
  return (Object.keys(ACCESS_MODE_PRESETS) as AccessMode[])
    .filter((m) => values[m] !== undefined)
    .map((m) => [m, values[m] as number]);
}

const modeName = (m: string) => ACCESS_MODE_PRESETS[m as AccessMode]?.displayName ?? m;

/**
 * One site's report: its GPU pools, CPU pools and Slurm share where it has them, its tenants, the
 * GPU-equivalents by access mode, its storage where it has any, and the notices a reviewer acts on.
 */
export function renderSite(site: SiteReport, format: TableFormat): string {
  return [
    heading(format, 2, `${site.displayName} (${site.site})`),
    gpuPoolsSection(site, format),
    cpuPoolsSection(site, format),
    slurmShareSection(site, format),
    tenantsSection(site, format),
    accessModeSection(site, format),
    storageSection(site, format),
    noticesSection(site, format),
  ].join('');
}

/** A section after the first: a blank line, its heading and its body. */
const section = (format: TableFormat, title: string, ...body: string[]): string =>
  ['\n', heading(format, 3, title), ...body].join('');

/** Each GPU pool's offer: what it has, what tenants may be granted, and what they are. */
function gpuPoolsSection(site: SiteReport, format: TableFormat): string {
  return (
    heading(format, 3, 'GPU pools') +
    renderTable(
      format,
      [
        'pool',
        'accelerator',
        'nodes',
        'GPUs',
        'resource',
        'units',
        'Slurm nodes',
        'for tenants',
        'granted',
        'headroom',
        'granted %',
      ],
      site.offers.map((o) => [
        o.pool,
        o.accelerator,
        o.nodes,
        o.gpus,
        o.resource,
        o.units,
        o.slurmNodes,
        o.tenantUnits,
        o.granted,
        o.headroom,
        o.tenantUnits > 0 ? Math.round((o.granted / o.tenantUnits) * 1000) / 10 : 0,
      ]),
    )
  );
}

/** The CPU pools and the cores the tenants' CPU lanes may take; nothing at a site without CPU pools. */
function cpuPoolsSection(site: SiteReport, format: TableFormat): string {
  if (site.cpuPools.length === 0) return '';
  const table = renderTable(
    format,
    ['pool', 'nodes', 'cores', 'memory', 'Slurm nodes', 'Kubernetes cores'],
    site.cpuPools.map((p) => [
      p.pool,
      p.nodes,
      p.cores,
      bytes(p.memoryBytes),
      p.slurmNodes,
      p.kubernetesCores,
    ]),
  );
  return section(format, 'CPU pools', table, cpuLanesNote(site));
}

/** The cores the tenants' CPU lanes may take, and those the pools keep for Kubernetes; '' without lanes. */
function cpuLanesNote(site: SiteReport): string {
  if (site.cpuLaneCores === undefined) return '';
  const cores = site.cpuPools.reduce((n, p) => n + p.kubernetesCores, 0);
  return `\nThe tenants' CPU lanes may be admitted on ${fmt(site.cpuLaneCores)} cores together; the CPU pools keep ${fmt(cores)} cores for Kubernetes.\n`;
}

/** Slurm's share of the pools against what the Slurm accounts may hold; nothing without Slurm. */
function slurmShareSection(site: SiteReport, format: TableFormat): string {
  if (site.slurm.length === 0) return '';
  // The same grants are each tenant's Kueue quota (above) and its Slurm account's limit.
  return section(
    format,
    'Slurm share against Slurm accounts',
    renderTable(
      format,
      ['GRES type', 'pools', 'Slurm nodes', 'Slurm GPUs', 'accounts may hold', 'held %'],
      site.slurm.map((r) => [
        r.gresType,
        r.pools.join(', '),
        r.nodes,
        r.share,
        r.granted,
        r.share > 0 ? Math.round((r.granted / r.share) * 1000) / 10 : '-',
      ]),
    ),
  );
}

/** Each tenant: access mode, allocation, status and grants. */
function tenantsSection(site: SiteReport, format: TableFormat): string {
  return section(
    format,
    'Tenants',
    renderTable(
      format,
      ['tenant', 'access mode', 'project', 'period', 'status', 'grants', 'GPU-eq', 'GPU-hours'],
      site.tenants.map((t) => [
        t.tenant,
        modeName(t.accessMode),
        t.projectId ?? '-',
        t.start ? `${t.start} .. ${t.end}` : 'open-ended',
        t.status,
        t.grants.map((g) => `${g.pool}: ${fmt(g.units)} ${g.resource}`).join(', ') || '-',
        t.gpuEquivalents,
        t.gpuHours ?? '-',
      ]),
    ),
  );
}

/** The tenants (other than retired ones) and GPU-equivalents of each access mode. */
function accessModeSection(site: SiteReport, format: TableFormat): string {
  return section(
    format,
    'By access mode',
    renderTable(
      format,
      ['access mode', 'tenants', 'GPU-eq'],
      Object.entries(site.byAccessMode).map(([m, n]) => [
        modeName(m),
        site.tenants.filter((t) => t.accessMode === m && t.status !== 'retired').length,
        n as number,
      ]),
    ),
  );
}

/** Each storage tier's capacity, its grants, and what it keeps for retired tenants; nothing without tiers. */
function storageSection(site: SiteReport, format: TableFormat): string {
  if (site.storage.length === 0) return '';
  // Data of retired tenants taken out of Terraform: a column of its own where any tier holds some.
  const retains = site.storage.some((s) => s.retained > 0);
  return section(
    format,
    'Storage',
    renderTable(
      format,
      [
        'tier',
        'purpose',
        'storage class',
        'provisioner',
        'default',
        'capacity',
        'granted to tenants',
        ...(retains ? ['kept for retired tenants'] : []),
        retains ? 'taken %' : 'granted %',
      ],
      site.storage.map((s) => [
        s.tier ?? '-',
        s.purpose ?? '-',
        s.storageClass,
        s.provisioner,
        s.isDefault ? 'yes' : '',
        s.capacity !== undefined ? bytes(s.capacity) : '-',
        bytes(s.granted),
        ...(retains ? [bytes(s.retained)] : []),
        s.capacity ? Math.round(((s.granted + s.retained) / s.capacity) * 1000) / 10 : '-',
      ]),
    ),
  );
}

/** The site's notices, one a line (a list in Markdown); nothing where there are none. */
function noticesSection(site: SiteReport, format: TableFormat): string {
  const notices = siteNotices(site);
  if (notices.length === 0) return '';
  return ['\n', notices.map((n) => (format === 'markdown' ? `- ${n}` : `! ${n}`)).join('\n'), '\n'].join('');
}

/** What a reviewer acts on: expired, future and retired allocations, and over-committed pools. */
function siteNotices(site: SiteReport): string[] {
  const notices: string[] = [];
  if (site.expired.length > 0)
    notices.push(`Expired allocations (offboard or renew): ${site.expired.join(', ')}`);
  if (site.future.length > 0) notices.push(`Allocations that start in the future: ${site.future.join(', ')}`);
  if (site.retired.length > 0)
    notices.push(
      `Retired tenants (namespace and volumes kept, nothing runs; move them to retiredTenants to take them out of Terraform): ${site.retired.join(', ')}`,
    );
  for (const o of site.offers.filter((x) => x.granted > x.tenantUnits)) {
    const within = o.headroom >= 0 ? 'within' : 'beyond';
    notices.push(
      `Pool ${o.pool} is over-committed on ${o.resource}: ${fmt(o.granted)} granted of ${fmt(o.tenantUnits)}, ${within} its stated factor ${o.overcommitFactor} (${fmt(o.grantable)})`,
    );
  }
  return notices;
}

export function renderFleet(report: FleetReport, format: TableFormat): string {
  const parts: string[] = [heading(format, 1, `AI Factory fleet capacity report, ${report.date}`)];
  parts.push(
    renderTable(
      format,
      ['site', 'GPUs', 'granted GPU-eq', 'tenants', 'expired', 'future', 'retired'],
      report.sites.map((s) => {
        const seen = new Set<string>();
        const gpus = s.offers.reduce((n, o) => (seen.has(o.pool) ? n : (seen.add(o.pool), n + o.gpus)), 0);
        return [
          s.site,
          gpus,
          Math.round(s.tenants.reduce((n, t) => n + t.gpuEquivalents, 0) * 100) / 100,
          s.tenants.length - s.retired.length,
          s.expired.length,
          s.future.length,
          s.retired.length,
        ];
      }),
    ),
  );
  parts.push(
    '\n',
    renderTable(
      format,
      ['accelerator', 'GPUs'],
      Object.entries(report.fleet.gpusByAccelerator)
        .sort()
        .map(([a, n]) => [a, n]),
    ),
    '\n',
    renderTable(
      format,
      ['access mode', 'GPU-eq granted'],
      byMode(report.fleet.byAccessMode).map(([m, n]) => [modeName(m), n]),
    ),
    '\n',
    `Fleet: ${fmt(report.fleet.gpus)} GPUs, ${fmt(report.fleet.grantedGpuEquivalents)} GPU-equivalents granted to ${report.fleet.tenants} tenants.\n\n`,
  );
  for (const s of report.sites) parts.push(renderSite(s, format), '\n');
  return parts.join('').trimEnd() + '\n';
}
