import { NamedRule, PolicyRule } from '../core/policy';
import { compareVersions } from '../core/versions';
import { PRIVATE_CLOUD_RELEASES_WITHOUT_COMPONENTS, PrivateCloudRelease } from './compatibility';
import { OperatorComponentProps, QdrantOperatorProps } from './operator-props';

/** What the operator rules look at: the props (field rules already checked) and the release they name, when known. */
export interface OperatorRuleInput {
  readonly props: QdrantOperatorProps;
  readonly operator: OperatorComponentProps;
  readonly release?: PrivateCloudRelease;
}

/** The operator stack's own rules: its watch scope and chart compatibility, one named rule each. */
export const OPERATOR_RULES: readonly PolicyRule<OperatorRuleInput>[] = [
  {
    id: 'watch-namespaces-need-wide-watch',
    doc: 'watch.namespaces applies only when the operator does not watch just its release namespace (qdrant-facts.md §8 rule 23).',
    check: ({ operator: o }) => ((o.watchOnlyReleaseNamespace ?? true) && o.watchNamespaces?.length ? {
      prop: 'operator.watchNamespaces', value: o.watchNamespaces, allowed: 'takes effect only with watchOnlyReleaseNamespace: false',
    } : undefined),
  },
  {
    id: 'cluster-wide-watch-needs-cluster-rbac',
    doc: 'A cluster-wide watch needs cluster-wide RBAC, limitRBAC: false (qdrant-facts.md §8 rule 23).',
    check: ({ operator: o }) => (o.watchOnlyReleaseNamespace === false && !o.watchNamespaces?.length && (o.limitRbac ?? true) ? {
      prop: 'operator.limitRbac', value: o.limitRbac,
      allowed: 'a cluster-wide watch (watchOnlyReleaseNamespace: false, no watchNamespaces) needs limitRbac: false',
    } : undefined),
  },
  {
    id: 'crd-chart-not-older-than-release',
    doc: 'The CRD chart must be at least the one the Private Cloud release ships; CRDs are upgraded first (qdrant-facts.md §4, §8 rule 10).',
    check: ({ props, release }) => (release && props.crdChartVersion !== undefined && compareVersions(props.crdChartVersion, release.crdChartVersion) < 0 ? {
      prop: 'crdChartVersion', value: props.crdChartVersion,
      allowed: `Private Cloud ${props.chartVersion} needs qdrant-kubernetes-api ${release.crdChartVersion} or later (omit crdChartVersion to use it)`,
    } : undefined),
  },
  {
    id: 'unknown-release-names-crd-chart',
    doc: 'A release outside the compatibility table has no known CRD chart, so it must be named (qdrant-facts.md §4, §8 rule 10).',
    check: ({ props, release }) => (!release && props.crdChartVersion === undefined ? {
      prop: 'crdChartVersion', value: undefined,
      allowed: PRIVATE_CLOUD_RELEASES_WITHOUT_COMPONENTS[props.chartVersion] !== undefined
        ? `Private Cloud ${props.chartVersion} exists, but its component versions are not sourced (${PRIVATE_CLOUD_RELEASES_WITHOUT_COMPONENTS[props.chartVersion]}; ` +
          'qdrant-facts.md §13), so the library does not guess them; set crdChartVersion to the qdrant-kubernetes-api version its release notes name'
        : `Private Cloud ${props.chartVersion} is not in the library's compatibility table; set crdChartVersion to the qdrant-kubernetes-api version its release notes name`,
    } : undefined),
  },
];

/** The operator stack's warning rules: what the library passes through unchecked or cannot vouch for. */
export const OPERATOR_WARNINGS = {
  uncheckedExtraSettings: {
    id: 'unchecked-extra-settings',
    doc: 'extraSettings reach the operator\'s settings tree unchecked: the library cannot vouch for their keys (qdrant-facts.md §5.3).',
  },
  uncheckedExtraValues: {
    id: 'unchecked-extra-values',
    doc: 'extraValues reach the Private Cloud chart values unchecked: the library cannot vouch for their keys (qdrant-facts.md §5.2).',
  },
  releaseNotInTable: {
    id: 'release-not-in-compatibility-table',
    doc: 'A Private Cloud chart version outside the compatibility table is taken on trust, with the CRD chart the user names (qdrant-facts.md §4).',
  },
  crdChartNewerThanRelease: {
    id: 'crd-chart-newer-than-release',
    doc: 'A CRD chart newer than the one the Private Cloud release ships with may carry fields its operator ignores (qdrant-facts.md §4).',
  },
} as const satisfies Record<string, NamedRule>;
