import { loadCrds } from '../../support/schemas';

/** The served version of one CRD: what the API server checks a custom resource against. */
export interface CrdVersion {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schema: any;
}

let served: Map<string, CrdVersion> | undefined;

/** Every served version of every CRD in ../shared/crds, by `apiVersion/kind`. */
export function servedCrdVersions(): ReadonlyMap<string, CrdVersion> {
  served ??= new Map(loadCrds().flatMap((crd) => crd.spec.versions
    .filter((v: any) => v.served && v.schema?.openAPIV3Schema)
    .map((v: any): [string, CrdVersion] => {
      const apiVersion = `${crd.spec.group}/${v.name}`;
      return [`${apiVersion}/${crd.spec.names.kind}`, { apiVersion, kind: crd.spec.names.kind, schema: v.schema.openAPIV3Schema }];
    })));
  return served;
}

/** The CRD version an object is an instance of; undefined for built-in kinds. */
export function crdVersionOf(object: any): CrdVersion | undefined {
  return servedCrdVersions().get(`${object?.apiVersion}/${object?.kind}`);
}
