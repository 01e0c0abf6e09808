import { NETKIT_ANNOTATION_PREFIX } from '../core/labels';

// Its own file so the traffic map can read these names without importing the
// NamespaceIsolation construct (and cdk8s with it).

/** On an allow policy: the declared paths it lets through, one per line. */
export const ALLOWS_ANNOTATION = `${NETKIT_ANNOTATION_PREFIX}allows`;
/** On the default-deny policy: what it blocks. */
export const DENIES_ANNOTATION = `${NETKIT_ANNOTATION_PREFIX}denies`;
