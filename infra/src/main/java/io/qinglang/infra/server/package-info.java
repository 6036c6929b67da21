/** The runnable server: main, application assembly, JSON, health, logging. */
package io.qinglang.infra.server;
