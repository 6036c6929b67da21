/** Qinglang admin. */
package io.qinglang.admin;
