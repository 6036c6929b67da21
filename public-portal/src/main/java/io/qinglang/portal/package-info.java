/** Qinglang portal. */
package io.qinglang.portal;
