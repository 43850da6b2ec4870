import type {
  NetworkPolicyV1SpecEgressTo,
  NetworkPolicyV1SpecIngressFrom,
  NetworkPolicyV1Spec,
} from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { TerraformStack } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { MANAGED_BY, NAMESPACE_NAME_LABEL, ownName } from '../model/names';
import { pinAddress } from './ids';
import { providerClasses } from '../private/provider-classes';

/** Ports the API server listens on when its address is not known: 443 (load balancers, managed
 * clusters) and 6443 (kubeadm's default `--secure-port`). */
export const DEFAULT_API_SERVER_PORTS: readonly number[] = [443, 6443];

/** A peer of an allowed flow: the pods of one namespace, of every namespace, or address blocks. */
export type NetworkPeer =
  { readonly namespace: string } | { readonly anyNamespace: true } | { readonly cidrs: readonly string[] };

/** A flow an operator namespace needs besides DNS and the API server. */
export interface NetworkFlow {
  /** Stable name of the flow, part of the policy's name (`aif-allow-<name>`). */
  readonly name: string;
  /** Ingress to the namespace's pods, or egress from them. */
  readonly direction: 'ingress' | 'egress';
  /** Where from (ingress) or to (egress). @default - any address */
  readonly peer?: NetworkPeer;
  /** TCP ports, or `[first, last]` ranges. @default - every port */
  readonly ports?: ReadonlyArray<number | readonly [number, number]>;
}

/** What the namespaces of an operator need on the network, besides DNS and the API server. */
export interface NamespaceNetwork {
  /**
   * TCP ports on which the namespace's pods serve admission or conversion webhooks, which the API
   * server calls (the container port, not the Service's).
   * @default - none
   */
  readonly webhookPorts?: readonly number[];
  /** Pods of the namespace reach each other on every port. @default false */
  readonly withinNamespace?: boolean;
  /** @default - none */
  readonly flows?: readonly NetworkFlow[];
}

/** Where the Kubernetes API server is, as pods reach it; see `ClusterNetwork`. */
export interface ClusterNetworkProps {
  /**
   * The API server's addresses as pod traffic reaches them once the `kubernetes` Service is
   * translated (the control-plane nodes' addresses, or the load balancer's), which are also where
   * webhook calls come from (the control-plane nodes). NetworkPolicy selects by those, never by the
   * Service's cluster IP.
   * @default - any address: egress to the API server's ports is open to every destination
   */
  readonly apiServerCidrs?: readonly string[];
  /** @default [443, 6443] */
  readonly apiServerPorts?: readonly number[];
}

/**
 * The cluster's network facts that operator namespaces need for their policies. Create it in a
 * stack before the operators: each `SystemNamespace` finds it in its own stack, or in a stack its
 * stack depends on.
 *
 * @example
 * ```ts
 * import { App, TerraformStack } from 'cdktf';
 * import { ClusterNetwork, Kueue } from 'cdktf-ai-factory';
 *
 * const platform = new TerraformStack(new App(), 'lab-platform');
 * // The control-plane nodes: operators may reach the API server there and nowhere else.
 * new ClusterNetwork(platform, 'cluster-network', { apiServerCidrs: ['10.0.0.10/32', '10.0.0.11/32'] });
 * new Kueue(platform, 'kueue');
 * ```
 */
export class ClusterNetwork extends Construct {
  public readonly apiServerCidrs: readonly string[];
  public readonly apiServerPorts: readonly number[];

  /** The `ClusterNetwork` of the scope's stack, or of a stack it depends on. */
  public static of(scope: IConstruct): ClusterNetwork | undefined {
    const seen = new Set<TerraformStack>();
    const search = (stack: TerraformStack): ClusterNetwork | undefined => {
      if (seen.has(stack)) return undefined;
      seen.add(stack);
      const own = stack.node.children.find((c): c is ClusterNetwork => c instanceof ClusterNetwork);
      if (own) return own;
      for (const dep of stack.dependencies) {
        const found = search(dep);
        if (found) return found;
      }
      return undefined;
    };
    return search(TerraformStack.of(scope));
  }

  constructor(scope: Construct, id: string, props: ClusterNetworkProps = {}) {
    super(scope, id);
    this.apiServerCidrs = [...(props.apiServerCidrs ?? [])].sort();
    this.apiServerPorts = [...(props.apiServerPorts ?? DEFAULT_API_SERVER_PORTS)].sort((a, b) => a - b);
  }
}

type Spec = Omit<NetworkPolicyV1Spec, 'podSelector'>;

type Ports =
  NonNullable<NetworkPolicyV1Spec['ingress']> extends ReadonlyArray<infer R>
    ? R extends { ports?: infer P }
      ? P
      : never
    : never;

function tcp(ports: ReadonlyArray<number | readonly [number, number]>): Ports {
  return ports.map((p) =>
    typeof p === 'number'
      ? { port: String(p), protocol: 'TCP' }
      : { port: String(p[0]), endPort: p[1], protocol: 'TCP' },
  ) as Ports;
}

function peers(peer: NetworkPeer): Array<NetworkPolicyV1SpecIngressFrom & NetworkPolicyV1SpecEgressTo> {
  if ('namespace' in peer)
    return [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: peer.namespace } } }];
  if ('anyNamespace' in peer) return [{ namespaceSelector: {} }];
  return [...peer.cidrs].sort().map((cidr) => ({ ipBlock: { cidr } }));
}

/** A NetworkPolicy `aif-<name>` over every pod of the namespace. */
function addPolicy(
  scope: Construct,
  namespace: { name: string; ref: string },
  name: string,
  spec: Spec,
): void {
  const p = new providerClasses.NetworkPolicyV1(scope, `network-policy-${name}`, {
    // By reference, so that Terraform creates the namespace first.
    metadata: { name: ownName(name), namespace: namespace.ref, labels: { ...MANAGED_BY } },
    spec: { podSelector: {}, ...spec },
  });
  pinAddress(p, 'namespace', namespace.name, 'network_policy', name);
}

/** One direction's rule: to or from the peer (any address without one), on the ports (every port without them). */
function flowRule(
  direction: 'ingress' | 'egress',
  peer: NetworkPeer | undefined,
  ports: ReadonlyArray<number | readonly [number, number]> | undefined,
): Spec {
  const r = {
    ...(peer ? { [direction === 'ingress' ? 'from' : 'to']: peers(peer) } : {}),
    ...(ports ? { ports: tcp(ports) } : {}),
  };
  return direction === 'ingress'
    ? { policyTypes: ['Ingress'], ingress: [r] }
    : { policyTypes: ['Egress'], egress: [r] };
}

/** The allow policy of one flow, `aif-allow-<flow name>`. */
export function addFlowPolicy(
  scope: Construct,
  namespace: { name: string; ref: string },
  flow: NetworkFlow,
): void {
  addPolicy(scope, namespace, `allow-${flow.name}`, flowRule(flow.direction, flow.peer, flow.ports));
}

/**
 * Default-deny for an operator namespace, then exactly the flows it needs: cluster DNS, the API
 * server, webhook calls from the API server, and the flows its owner names. Pods on the host
 * network (most CSI node plugins, for one) are not subject to NetworkPolicy at all.
 */
export function addNamespacePolicies(
  scope: Construct,
  namespace: { name: string; ref: string },
  network: NamespaceNetwork = {},
): void {
  const api = ClusterNetwork.of(scope);
  const apiCidrs = api?.apiServerCidrs ?? [];
  const apiPorts = api?.apiServerPorts ?? DEFAULT_API_SERVER_PORTS;
  const policy = (name: string, spec: Spec) => addPolicy(scope, namespace, name, spec);
  const rule = flowRule;
  const apiPeer = apiCidrs.length > 0 ? { cidrs: apiCidrs } : undefined;

  policy('default-deny', { policyTypes: ['Ingress', 'Egress'] });
  policy('allow-cluster-dns', {
    policyTypes: ['Egress'],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { port: '53', protocol: 'UDP' },
          { port: '53', protocol: 'TCP' },
        ],
      },
    ],
  });
  policy('allow-api-server', rule('egress', apiPeer, apiPorts));
  const webhooks = [...(network.webhookPorts ?? [])].sort((a, b) => a - b);
  if (webhooks.length > 0) policy('allow-webhooks', rule('ingress', apiPeer, webhooks));
  if (network.withinNamespace) {
    policy('allow-same-namespace', {
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    });
  }
  for (const f of [...(network.flows ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
    addFlowPolicy(scope, namespace, f);
  }
}
