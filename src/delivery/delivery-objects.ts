/*
 * What the objects a delivery writes do, read from the objects alone (a previous output
 * has no delivery to ask): which install a Helm chart, which chart they pull, which apply
 * another folder. The only place outside a delivery's own file that knows the kinds Flux
 * and Argo CD write.
 */

/** The Helm release an emitted object installs, as the guards and the fleet README read it. */
export interface InstalledRelease {
  /** Helm release name. */
  readonly releaseName: string;
  /** Namespace the release installs into. */
  readonly namespace: string;
  /** Its Helm values, as written. */
  readonly values: any;
}

/**
 * The Helm release `o` installs: a Flux HelmRelease, or an Argo CD Application with a
 * Helm source (one with a plain Git path applies a folder instead). Read from the object
 * alone, since a previous output has no delivery to ask; a new delivery adds the kind
 * it installs charts with here, or the guards do not see its regions and operators.
 */
export function installedReleaseOf(o: any): InstalledRelease | undefined {
  if (o?.kind === 'HelmRelease') return { releaseName: o.spec?.releaseName, namespace: o.metadata?.namespace, values: o.spec?.values };
  const helm = o?.spec?.source?.helm;
  if (o?.kind === 'Application' && helm) return { releaseName: helm.releaseName, namespace: o.spec.destination?.namespace, values: helm.valuesObject };
  return undefined;
}

/**
 * The chart and version `o` pulls, for the fleet README: an Argo CD Application's Helm
 * chart, or the chart a Flux OCIRepository fetches (the last segment of its URL).
 */
export function pulledChartOf(o: any): string | undefined {
  if (o?.kind === 'Application' && o.spec?.source?.chart !== undefined) return `${o.spec.source.chart} ${o.spec.source.targetRevision}`;
  return o?.kind === 'OCIRepository' ? `${String(o.spec.url).replace(/\/+$/, '').split('/').pop()} ${o.spec.ref.tag}` : undefined;
}

/** The Git path a Flux Kustomization or a directory-source Argo CD Application applies. */
export function appliedPath(o: any): string | undefined {
  if (o.kind === 'Kustomization') return o.spec.path;
  return o.kind === 'Application' && o.spec.source?.chart === undefined ? o.spec.source?.path : undefined;
}
