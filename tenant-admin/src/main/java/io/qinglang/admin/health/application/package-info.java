/** The platform's health as the operator sees it: its dependencies answering, and each background job's last run. */
package io.qinglang.admin.health.application;
