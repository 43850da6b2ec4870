/**
 * Names, namespaces and labels that the Kubernetes API server would refuse, found in synthesized
 * output: object names (DNS-1123 subdomains, at most 253 characters; namespaces and Services DNS-1123
 * labels, at most 63), label keys (an optional DNS subdomain prefix of at most 253 characters, `/`,
 * a name of at most 63) and label values (at most 63, alphanumeric at both ends), and Helm release
 * names (at most 53). https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
import type { Json, SynthesizedStack } from '../../lib/review/synthesized';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export const isDnsLabel = (s: string) => s.length <= 63 && LABEL.test(s);
export const isDnsSubdomain = (s: string) => s.length <= 253 && SUBDOMAIN.test(s);
export function isLabelKey(key: string): boolean {
  const i = key.lastIndexOf('/');
  const prefix = i >= 0 ? key.slice(0, i) : undefined;
  const name = i >= 0 ? key.slice(i + 1) : key;
  return (prefix === undefined || isDnsSubdomain(prefix)) && name.length <= 63 && QUALIFIED.test(name);
}
export const isLabelValue = (v: string) => v === '' || (v.length <= 63 && QUALIFIED.test(v));

/** A reference to another resource's attribute, resolved by Terraform, not a name to judge. */
const isReference = (v: unknown) => typeof v === 'string' && v.includes('${');

/** What Kubernetes would refuse in one object's metadata, as `<where>: <what>` lines. */
function metadataProblems(where: string, kind: string, meta: Json | undefined): string[] {
  if (!meta || typeof meta !== 'object') return [];
  const out: string[] = [];
  const name = meta.name as unknown;
  if (typeof name === 'string' && !isReference(name)) {
    const asLabel = kind === 'Namespace' || kind === 'Service';
    if (!(asLabel ? isDnsLabel(name) : isDnsSubdomain(name))) out.push(`${where}: name '${name}'`);
  }
  const ns = meta.namespace as unknown;
  if (typeof ns === 'string' && !isReference(ns) && !isDnsLabel(ns)) out.push(`${where}: namespace '${ns}'`);
  for (const [k, v] of Object.entries((meta.labels ?? {}) as Record<string, unknown>)) {
    if (!isLabelKey(k)) out.push(`${where}: label key '${k}'`);
    if (typeof v === 'string' && !isReference(v) && !isLabelValue(v)) out.push(`${where}: label ${k}='${v}'`);
  }
  for (const k of Object.keys((meta.annotations ?? {}) as Record<string, unknown>)) {
    if (!isLabelKey(k)) out.push(`${where}: annotation key '${k}'`);
  }
  return out;
}

/** Kinds of the provider's typed resources, where the name rule differs from a subdomain's. */
const KIND_OF: Record<string, string> = {
  kubernetes_namespace_v1: 'Namespace',
  kubernetes_namespace: 'Namespace',
  kubernetes_service_v1: 'Service',
  kubernetes_service: 'Service',
};

/** Every name, namespace, label and annotation key of the output that Kubernetes would refuse. */
export function refusedNames(stacks: readonly SynthesizedStack[]): string[] {
  const out: string[] = [];
  for (const s of stacks) {
    for (const [type, byAddress] of Object.entries(
      (s.json.resource ?? {}) as Record<string, Record<string, Json>>,
    )) {
      for (const [address, r] of Object.entries(byAddress)) {
        const where = `${s.name} ${type}.${address}`;
        if (type === 'kubernetes_manifest') {
          const m = r.manifest as Json;
          out.push(...metadataProblems(where, String(m.kind), m.metadata as Json));
        } else if (type === 'helm_release') {
          const name = String(r.name);
          if (!(name.length <= 53 && isDnsSubdomain(name))) out.push(`${where}: release name '${name}'`);
          if (typeof r.namespace === 'string' && !isDnsLabel(r.namespace))
            out.push(`${where}: namespace '${r.namespace}'`);
        } else if (type === 'kubernetes_labels') {
          out.push(...metadataProblems(where, 'Node', { ...(r.metadata as Json), labels: r.labels as Json }));
        } else if (type === 'kubernetes_node_taint') {
          for (const t of (r.taint ?? []) as Json[]) {
            if (!isLabelKey(String(t.key)) || !isLabelValue(String(t.value ?? '')))
              out.push(`${where}: taint ${String(t.key)}=${String(t.value)}`);
          }
          out.push(...metadataProblems(where, 'Node', r.metadata as Json));
        } else {
          const meta = Array.isArray(r.metadata) ? (r.metadata[0] as Json) : (r.metadata as Json);
          out.push(...metadataProblems(where, KIND_OF[type] ?? type, meta));
        }
      }
    }
  }
  return out;
}
