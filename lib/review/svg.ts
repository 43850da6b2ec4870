/**
 * An SVG chart of one site's GPU allocation: a bar per pool (per MIG profile), split into the
 * tenants' grants and the headroom, with the pool's capacity marked. Plain SVG, no scripts or
 * external references, so it opens in any browser and renders on GitHub.
 */
import type { SiteReport } from './report';

// Colour-blind-safe palette (Okabe-Ito), then a few more distinct hues.
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999933',
  '#882255',
  '#44AA99',
  '#332288',
  '#AA4499',
];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2 });

export function allocationSvg(site: SiteReport, date: string): string {
  const left = 230;
  const barWidth = 620;
  const rowHeight = 30;
  const rowGap = 26;
  const top = 76;
  const width = left + barWidth + 40;
  const colour = new Map(site.tenants.map((t, i) => [t.tenant, PALETTE[i % PALETTE.length]]));
  const out: string[] = [];
  let y = top;
  for (const o of site.offers) {
    const scaleMax = Math.max(o.units, o.granted, 1);
    const px = (units: number) => (units / scaleMax) * barWidth;
    out.push(
      `<text x="${left - 10}" y="${y + 13}" text-anchor="end" font-weight="bold">${esc(o.pool)}</text>`,
      `<text x="${left - 10}" y="${y + 27}" text-anchor="end" class="small">${esc(`${n(o.units)} x ${o.resource}`)}</text>`,
      `<rect x="${left}" y="${y}" width="${barWidth}" height="${rowHeight}" fill="#eeeeee" stroke="#bbbbbb"/>`,
    );
    let x = left;
    for (const t of site.tenants) {
      const units = t.grants
        .filter((g) => g.pool === o.pool && g.resource === o.resource)
        .reduce((s, g) => s + g.units, 0);
      // An ended allocation holds no GPUs (synthesis takes its quota to zero): not drawn.
      if (units === 0 || t.status === 'expired') continue;
      const w = px(units);
      // Future grants are outlined: they hold their quota already (reserved for their first day).
      const style = t.status === 'future' ? ' fill-opacity="0.6" stroke-dasharray="4 2"' : '';
      out.push(
        `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight}" fill="${colour.get(t.tenant)}" stroke="#ffffff"${style}><title>${esc(`${t.tenant}: ${n(units)} ${o.resource} (${t.status})`)}</title></rect>`,
      );
      const label = `${t.tenant} ${n(units)}`;
      if (w > label.length * 6.4 + 8) {
        out.push(
          `<text x="${(x + w / 2).toFixed(1)}" y="${y + 20}" text-anchor="middle" fill="${t.status === 'active' || t.status === 'open-ended' ? '#ffffff' : '#000000'}" class="small">${esc(label)}</text>`,
        );
      }
      x += w;
    }
    // The tenants' share ends where Slurm's nodes begin; the line marks that capacity.
    const capX = left + px(o.tenantUnits);
    if (o.units > o.tenantUnits) {
      const slurmW = px(o.units - o.tenantUnits);
      out.push(
        `<rect x="${capX.toFixed(1)}" y="${y}" width="${slurmW.toFixed(1)}" height="${rowHeight}" fill="#555555"><title>${esc(`Slurm: ${o.slurmNodes} nodes, ${n(o.units - o.tenantUnits)} ${o.resource}`)}</title></rect>`,
      );
      if (slurmW > 70) {
        out.push(
          `<text x="${(capX + slurmW / 2).toFixed(1)}" y="${y + 20}" text-anchor="middle" fill="#ffffff" class="small">Slurm ${n(o.units - o.tenantUnits)}</text>`,
        );
      }
    }
    // Free is what the pool still holds; with a stated over-commit the grants may pass the line.
    const free = o.tenantUnits - o.granted;
    if (free > 0 && px(free) > 60) {
      out.push(
        `<text x="${((x + capX) / 2).toFixed(1)}" y="${y + 20}" text-anchor="middle" class="small">free ${n(free)}</text>`,
      );
    }
    out.push(
      `<line x1="${capX.toFixed(1)}" y1="${y - 4}" x2="${capX.toFixed(1)}" y2="${y + rowHeight + 4}" stroke="${o.granted > o.tenantUnits ? '#cc0000' : '#333333'}" stroke-width="2"/>`,
    );
    y += rowHeight + rowGap;
  }
  // Legend
  let ly = y + 4;
  out.push(`<text x="20" y="${ly}" font-weight="bold">Tenants</text>`);
  ly += 8;
  site.tenants.forEach((t, i) => {
    // One tenant a line: grant lists can be long.
    const lx = 20;
    const yy = ly + i * 22;
    const grants = t.grants
      .map((g) => `${n(g.units)} ${g.resource.replace(/^(nvidia|amd)\.com\//, '')} on ${g.pool}`)
      .join(', ');
    out.push(
      `<rect x="${lx}" y="${yy + 6}" width="14" height="14" fill="${colour.get(t.tenant)}"/>`,
      `<text x="${lx + 20}" y="${yy + 18}" class="small">${esc(`${t.tenant} (${t.accessMode}, ${t.status}): ${grants}`)}</text>`,
    );
  });
  const height = ly + site.tenants.length * 22 + 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<style>.small { font-size: 11px; }</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="28" font-size="17" font-weight="bold">${esc(`GPU allocation: ${site.displayName}`)}</text>`,
    `<text x="20" y="46" class="small">${esc(`Grants per pool and tenant on ${date}. Dashed: not yet started; grey: held by Slurm; expired allocations hold nothing and are not drawn.`)}</text>`,
    `<text x="20" y="60" class="small">The line marks what the tenants may share (red: over-committed).</text>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
