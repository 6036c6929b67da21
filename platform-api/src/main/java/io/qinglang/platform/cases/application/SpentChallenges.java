package io.qinglang.platform.cases.application;

import java.time.Instant;

/**
 * The proof-of-work challenges already used, for the tenant in scope, shared by every node: a solved challenge
 * files one report on the whole platform, not one per node.
 */
public interface SpentChallenges {

    /** Records the challenge as used until it expires; false if it was used already. */
    boolean spend(byte[] challengeHash, Instant expires);
}
