import { NamedRule, PolicyRule } from '../core/policy';

/** What the region rules look at: the access key hash given, and the one computed from a plaintext key. */
export interface RegionRuleInput {
  readonly givenAccessKeyHash?: string;
  readonly computedAccessKeyHash?: string;
}

/** The Hybrid region's own rules, one named rule each. */
export const REGION_RULES: readonly PolicyRule<RegionRuleInput>[] = [
  {
    id: 'access-key-hash-from-plaintext',
    doc: 'The agent rolls when accessKeyHash changes; with a plaintext key the library computes it, so a given one must agree (qdrant-facts.md §3.3).',
    check: ({ givenAccessKeyHash: given, computedAccessKeyHash: computed }) => (given !== undefined && computed !== undefined && given !== computed ? {
      prop: 'accessKeyHash', value: given,
      allowed: 'leave it unset when the access key is given in plaintext: the library computes it, and the given value differs',
    } : undefined),
  },
];

/** The region warning rules. */
export const REGION_WARNINGS = {
  storageClassTwice: {
    id: 'storage-class-set-twice',
    doc: 'A storage class set both in the environment and in the operator settings, with different values: one of them wins silently (qdrant-facts.md §3.3).',
  },
} as const satisfies Record<string, NamedRule>;
