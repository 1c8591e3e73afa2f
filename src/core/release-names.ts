/**
 * Helm release names that consumers and the guards read. They are part of the API: a
 * renamed release is an uninstall followed by an install.
 */
export const AGENT_RELEASE_NAME = 'qdrant-cloud-agent';
export const PRIVATE_CLOUD_RELEASE_NAME = 'qdrant-private-cloud';
export const CRD_RELEASE_NAME = 'qdrant-private-cloud-crds';
