/** Application-level ports shared by every feature: transactions and the tenant scope. */
package io.qinglang.platform.shared.application;
