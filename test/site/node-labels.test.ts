import * as path from 'path';
import { Testing } from 'cdktf';
import { AiFactorySite, POOL_LABEL } from '../../lib';
import { NODE_LABEL_PREFIX } from '../../lib/model/scheduling';
import { NODE_LABELS } from '../../lib/compute/node-pool';
import { loadProfiles } from '../../lib/cli/profiles';
import { testApp, type TfJson } from '../helpers';

const profiles = loadProfiles(path.join(__dirname, '..', '..', 'stacks', 'sites'));

/** Helm values and manifests are JSON inside JSON: parse strings that hold an object. */
function parsed(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*\{/.test(v)) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * Every node label key the output places work by, with where it is: `nodeSelector` maps (pods,
 * NodeSets), ResourceFlavor `nodeLabels`, and the keys of node affinity terms.
 */
function placementKeys(value: unknown, at: string, out: Array<[string, string]>): void {
  const v = parsed(value);
  if (Array.isArray(v)) {
    v.forEach((x, i) => placementKeys(x, `${at}[${i}]`, out));
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  for (const [k, x] of Object.entries(v as TfJson)) {
    const here = `${at}.${k}`;
    if ((k === 'nodeSelector' || k === 'nodeLabels' || k === 'node_selector') && typeof x === 'object' && x) {
      for (const label of Object.keys(x as TfJson)) out.push([label, here]);
    } else if (k === 'nodeSelectorTerms' && Array.isArray(x)) {
      for (const term of x as TfJson[])
        for (const e of [...(term.matchExpressions ?? []), ...(term.matchFields ?? [])] as TfJson[])
          out.push([String(e.key), here]);
    }
    placementKeys(x, here, out);
  }
}

const PROTECTED = 'node-restriction.kubernetes.io/';
/** The GPU operator's own per-node configuration keys, whose names the operator fixes. */
const OPERATOR_CONFIG = ['nvidia.com/mig.config', 'nvidia.com/device-plugin.config'];

describe.each(profiles.map((p) => [p.name, p] as const))('node labels of %s', (_, profile) => {
  const site = new AiFactorySite(testApp(), profile);
  const [platform, tenants] = [site.platform, site.tenantsStack].map(
    (s) => JSON.parse(Testing.synth(s)) as TfJson,
  );
  const keys: Array<[string, string]> = [];
  placementKeys(platform.resource, 'platform', keys);
  placementKeys(tenants.resource, 'tenants', keys);

  it('places work only by keys under node-restriction.kubernetes.io/, which no kubelet can set', () => {
    expect(NODE_LABEL_PREFIX.startsWith(PROTECTED)).toBe(true);
    expect(keys.filter(([k]) => !k.startsWith(PROTECTED)).map(([k, at]) => `${k} at ${at}`)).toEqual([]);
    // Every pool is placed by its pool label, wherever a scheduler or driver places work on it.
    const selected = new Set(keys.map(([k]) => k));
    expect(selected).toContain(POOL_LABEL);
  });

  it('writes protected keys on nodes and tells the site to apply protected keys, but the operator config keys', () => {
    const written = Object.values(
      (platform.resource?.kubernetes_labels ?? {}) as Record<string, TfJson>,
    ).flatMap((r) => Object.keys(r.labels as TfJson));
    const asked = Object.entries((platform.output ?? {}) as Record<string, TfJson>)
      .filter(([name]) => name.endsWith('_site_applied_node_config'))
      .flatMap(([, o]) => [
        ...Object.keys(o.value.labels as TfJson),
        ...Object.keys(o.value.selector as TfJson),
        ...(o.value.schedulerLabel ? [String(o.value.schedulerLabel.key)] : []),
      ]);
    expect(written.length + asked.length).toBeGreaterThan(0);
    const loose = [...written, ...asked].filter(
      (k) => !k.startsWith(PROTECTED) && !OPERATOR_CONFIG.includes(k),
    );
    expect([...new Set(loose)]).toEqual([]);
    expect(NODE_LABELS).toEqual(
      expect.arrayContaining([...new Set([...written, ...asked])].filter((k) => k.startsWith(PROTECTED))),
    );
  });
});
