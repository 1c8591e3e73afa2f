import { PolicyRule } from '../core/policy';

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
