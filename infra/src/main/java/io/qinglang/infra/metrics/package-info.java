/** The operator's Prometheus metrics: requests, intake, each body's load, the jobs' backlogs, on the admin socket. */
package io.qinglang.infra.metrics;
