/** Qinglang server. */
package io.qinglang.infra.server;
