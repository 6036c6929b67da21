/** Rewards for substantiated reports (举报奖励): the tenant's rules and each reward's way from proposal to payment. */
package io.qinglang.platform.rewards.domain;
