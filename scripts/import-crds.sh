#!/usr/bin/env bash
# Regenerates the L1 classes in imports/ from the real CRDs in ../shared/crds.
# CRDs of one API group are concatenated first: cdk8s import writes one module per group,
# so importing them one by one would let the last file overwrite the others.
set -euo pipefail
cd "$(dirname "$0")/.."
crds="${SHARED_DIR:-../shared}/crds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

concat() { # concat OUT FILE...
  local out="$1"; shift
  : > "$out"
  for f in "$@"; do echo '---' >> "$out"; cat "$f" >> "$out"; done
}

concat "$work/qdrant.yaml" \
  "$crds/qdrant/qdrant.io_qdrantclusters.yaml" \
  "$crds/qdrant/qdrant.io_qdrantclustersnapshots.yaml" \
  "$crds/qdrant/qdrant.io_qdrantclusterscheduledsnapshots.yaml" \
  "$crds/qdrant/qdrant.io_qdrantclusterrestores.yaml"

concat "$work/monitoring.yaml" \
  "$crds/prometheus-operator/monitoring.coreos.com_podmonitors.yaml" \
  "$crds/prometheus-operator/monitoring.coreos.com_servicemonitors.yaml" \
  "$crds/prometheus-operator/monitoring.coreos.com_prometheusrules.yaml"

rm -rf imports
for spec in \
  "$work/qdrant.yaml" \
  "$crds/flux/source.toolkit.fluxcd.io_ocirepositories.yaml" \
  "$crds/flux/helm.toolkit.fluxcd.io_helmreleases.yaml" \
  "$crds/flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml" \
  "$crds/argocd/application-crd.yaml" \
  "$crds/external-secrets/external-secrets.io_externalsecrets.yaml" \
  "$crds/sealed-secrets/bitnami.com_sealedsecrets.yaml" \
  "$work/monitoring.yaml" \
  "$crds/snapshot/snapshot.storage.k8s.io_volumesnapshotclasses.yaml"; do
  npx cdk8s import --no-check-upgrade --no-save -l typescript -o imports "$spec"
done
