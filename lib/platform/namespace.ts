import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import { IssueCollector } from '../model/errors';
import { allowPolicyName, MANAGED_BY, POD_SECURITY_ENFORCE_LABEL } from '../model/names';
import { carelessCidr, isCidr, isDnsLabel } from '../model/validate';
import { pinAddress } from './ids';
import {
  addFlowPolicy,
  addNamespacePolicies,
  type NamespaceNetwork,
  type NetworkFlow,
} from './network-policy';
import { providerClasses } from '../private/provider-classes';

/** The widest port range a site's flow may open (`[first, last]`). */
const MAX_PORT_RANGE = 100;

export interface SystemNamespaceProps {
  readonly name: string;
  /**
   * Pod Security level. Operators that load drivers or mount host paths (GPU operators, CSI node
   * plugins) need `privileged`; nothing else should.
   * @default 'privileged'
   */
  readonly podSecurity?: 'privileged' | 'baseline' | 'restricted';
  /** @default - no extra labels */
  readonly labels?: Record<string, string>;
  /**
   * The flows the component needs besides cluster DNS and the API server, which every operator
   * namespace gets; everything else is denied.
   * @default - DNS and the API server only
   */
  readonly network?: NamespaceNetwork;
}

/**
 * A namespace for a platform component, with its Pod Security level stated in code, and a
 * default-deny network policy (ingress and egress) with allow policies for exactly the flows the
 * component needs (see `addNamespacePolicies`; the API server's address comes from the stack's
 * `ClusterNetwork`).
 */
export class SystemNamespace extends Construct {
  public readonly name: string;
  public readonly namespace: NamespaceV1;
  /** Names of the namespace's allow policies (`aif-<name>`), the library's and the site's. */
  private readonly policyNames = new Set<string>();

  constructor(scope: Construct, id: string, props: SystemNamespaceProps) {
    super(scope, id);
    this.name = props.name;
    const level = props.podSecurity ?? 'privileged';
    this.namespace = new providerClasses.NamespaceV1(this, 'namespace', {
      metadata: {
        name: props.name,
        labels: {
          ...MANAGED_BY,
          [POD_SECURITY_ENFORCE_LABEL]: level,
          ...props.labels,
        },
      },
    });
    pinAddress(this.namespace, 'namespace', props.name);
    addNamespacePolicies(this, { name: props.name, ref: this.namespace.metadata.name }, props.network);
    // The library's own allow policies: aif-allow-<name>.
    for (const n of ['cluster-dns', 'api-server', 'webhooks', 'same-namespace']) this.policyNames.add(n);
    for (const f of props.network?.flows ?? []) this.policyNames.add(f.name);
  }

  /**
   * Allows one more flow into or out of the component's namespace, a site's own (its monitoring
   * scraping the GPU operator's exporter, say): a NetworkPolicy `aif-allow-<name>`. Narrow by
   * construction: it names its ports, and an ingress names its source, a namespace or CIDRs, never
   * every namespace (tenant pods included). `aif check` refuses any that admits a tenant namespace
   * (`AIF-NET-3`).
   */
  public allow(flow: NetworkFlow): void {
    const c = new IssueCollector();
    if (!isDnsLabel(flow.name) || flow.name.length > 50) {
      c.add(
        'NAME_INVALID',
        'flow.name',
        flow.name,
        `a flow name is a DNS label of at most 50 characters (the policy is ${allowPolicyName('<name>')})`,
        "name it like 'monitoring-scrape'",
      );
    } else if (this.policyNames.has(flow.name)) {
      c.add(
        'NAME_DUPLICATE',
        'flow.name',
        flow.name,
        `namespace ${this.name} has a flow '${flow.name}' already`,
        'give the flow another name',
      );
    }
    if (!flow.ports || flow.ports.length === 0) {
      c.add(
        'VALUE_INVALID',
        'flow.ports',
        flow.ports,
        "a flow into or out of an operator namespace names its ports: every port would open the component's admin and debug ports too",
        'list the ports, e.g. ports: [9400]',
      );
    }
    (flow.ports ?? []).forEach((p, i) => {
      if (typeof p !== 'number' && p[1] - p[0] >= MAX_PORT_RANGE) {
        c.add(
          'VALUE_INVALID',
          `flow.ports[${i}]`,
          p,
          `a range of ${p[1] - p[0] + 1} ports opens most of the component's ports`,
          `name the ports the flow needs, or a range of at most ${MAX_PORT_RANGE}`,
        );
      }
    });
    if (flow.peer && 'cidrs' in flow.peer) {
      flow.peer.cidrs.forEach((cidr, i) => {
        const why = !isCidr(cidr) ? 'not a CIDR block' : carelessCidr(cidr);
        if (why) {
          c.add(
            'CIDR_INVALID',
            `flow.peer.cidrs[${i}]`,
            cidr,
            `${why}; a wide block can hold the pod network, tenant pods included`,
            "name the peer's own addresses, e.g. '10.0.0.0/24'",
          );
        }
      });
    }
    if (flow.direction === 'ingress' && (!flow.peer || 'anyNamespace' in flow.peer)) {
      c.add(
        'VALUE_INVALID',
        'flow.peer',
        flow.peer,
        `ingress from ${flow.peer ? 'every namespace' : 'any address'} into ${this.name} admits tenant pods too`,
        "name the source: peer: { namespace: 'monitoring' } or { cidrs: ['10.0.0.0/24'] }",
      );
    }
    c.throwIfAny(`SystemNamespace '${this.name}'.allow`);
    this.policyNames.add(flow.name);
    addFlowPolicy(this, { name: this.name, ref: this.namespace.metadata.name }, flow);
  }
}
