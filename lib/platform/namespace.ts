import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import { pinAddress } from './ids';
import { addNamespacePolicies, type NamespaceNetwork } from './network-policy';

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

  constructor(scope: Construct, id: string, props: SystemNamespaceProps) {
    super(scope, id);
    this.name = props.name;
    const level = props.podSecurity ?? 'privileged';
    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: props.name,
        labels: {
          'app.kubernetes.io/managed-by': 'cdktf-ai-factory',
          'pod-security.kubernetes.io/enforce': level,
          ...props.labels,
        },
      },
    });
    pinAddress(this.namespace, 'namespace', props.name);
    addNamespacePolicies(this, { name: props.name, ref: this.namespace.metadata.name }, props.network);
  }
}
