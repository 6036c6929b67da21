/** Proposing, approving, claiming and paying rewards. */
package io.qinglang.platform.rewards.application;
