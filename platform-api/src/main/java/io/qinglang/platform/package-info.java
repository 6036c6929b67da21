/** Qinglang platform. */
package io.qinglang.platform;
